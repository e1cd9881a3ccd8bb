package dev.tenantry.directory.credentials;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Bouncy Castle's Argon2id: pure Java, on every platform; its memory is on the Java heap. See {@link Argon2idFunction}. */
final class BouncyCastleArgon2id implements Argon2idFunction {

    @Override
    public byte[] derive(byte[] password, byte[] salt, int memoryKib, int passes, int lanes, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(passes)
                .withParallelism(lanes)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }

    @Override
    public String description() {
        return "Bouncy Castle's Argon2id (pure Java)";
    }
}
