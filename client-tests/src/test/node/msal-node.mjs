// Issue 11: msal-node against Tenantry, configured as a real Node application configures it for a host that is not
// Microsoft's: the authority https://HOST/{tenant}, the host in knownAuthorities, and the server's CA trusted through
// NODE_EXTRA_CA_CERTS. Every line on stdout is one JSON object for MsalNodeBrowserIT.
//   node msal-node.mjs auth-code    : authorization code + PKCE to http://localhost:PORT (a loopback listener)
//   node msal-node.mjs device-code  : the device code flow
// Environment: TENANTRY_AUTHORITY, TENANTRY_CLIENT_ID, TENANTRY_SCOPES (space-separated).
import http from "node:http";
import { CryptoProvider, PublicClientApplication } from "@azure/msal-node";

const authority = process.env.TENANTRY_AUTHORITY;
const scopes = process.env.TENANTRY_SCOPES.split(" ");
const pca = new PublicClientApplication({
    auth: {
        clientId: process.env.TENANTRY_CLIENT_ID,
        authority,
        knownAuthorities: [new URL(authority).host],
    },
});

function say(object) {
    process.stdout.write(JSON.stringify(object) + "\n");
}

function signedIn(result) {
    say({
        username: result.account.username,
        homeAccountId: result.account.homeAccountId,
        tenantId: result.tenantId,
        scopes: result.scopes,
        accessToken: result.accessToken.length > 0,
        idTokenName: result.idTokenClaims.name,
    });
}

async function authCode() {
    const { verifier, challenge } = await new CryptoProvider().generatePkceCodes();
    const server = http.createServer();
    await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
    const redirectUri = `http://localhost:${server.address().port}`;
    const code = new Promise((resolve, reject) => {
        server.on("request", (request, response) => {
            const query = new URL(request.url, redirectUri).searchParams;
            response.writeHead(200, { "Content-Type": "text/html" });
            response.end("<!doctype html><title>Signed in</title><p id=\"done\">Signed in. You can close this window.</p>");
            server.close();
            query.get("code") ? resolve(query.get("code")) : reject(new Error(query.get("error_description")));
        });
    });
    const url = await pca.getAuthCodeUrl({
        scopes,
        redirectUri,
        codeChallenge: challenge,
        codeChallengeMethod: "S256",
    });
    say({ authorize: url });
    signedIn(await pca.acquireTokenByCode({ code: await code, scopes, redirectUri, codeVerifier: verifier }));
}

async function deviceCode() {
    signedIn(await pca.acquireTokenByDeviceCode({
        scopes,
        deviceCodeCallback: (response) => say({ userCode: response.userCode, verificationUri: response.verificationUri }),
    }));
}

try {
    await (process.argv[2] === "device-code" ? deviceCode() : authCode());
} catch (error) {
    say({ error: String(error.errorCode || error.name), message: String(error.message) });
    process.exitCode = 1;
}
