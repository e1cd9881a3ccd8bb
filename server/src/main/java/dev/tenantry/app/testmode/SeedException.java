package dev.tenantry.app.testmode;

/** A seed file refused: the file, the line and the field at fault, and why. Nothing of the file was loaded. */
public final class SeedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final String field;

    public SeedException(String source, int line, String field, String reason) {
        super(source + (line > 0 ? ", line " + line : "") + (field.isEmpty() ? "" : ", field " + field) + ": " + reason
                + " (nothing was loaded)");
        this.line = line;
        this.field = field;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }
}
