import { generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/** The claims a test account releases (all of them, in the ID token). */
export interface IdpAccount {
  email: string;
  email_verified: boolean;
  groups: string[];
  name?: string;
}

/** A real OpenID provider (oidc-provider) on an ephemeral loopback port, for tests. */
export interface LocalIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Accounts by `sub`; change them between sign-ins freely. */
  accounts: Map<string, IdpAccount>;
  /** The `sub` the next interaction signs in (there is no login form). */
  loginAs: string;
  close(): Promise<void>;
}

/**
 * Starts oidc-provider with one confidential client (`client_secret_basic`), its own
 * RSA signing key, and an interaction handler that signs in `loginAs` and grants
 * `openid email profile` without showing a page. Claims go into the ID token
 * (`conformIdTokenClaims: false`), which is what the service reads.
 */
export async function startLocalIdp(opts: { redirectUris: string[]; clientId?: string }): Promise<LocalIdp> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const idp: LocalIdp = {
    issuer,
    clientId: opts.clientId ?? `visitnow-${randomBytes(4).toString("hex")}`,
    clientSecret: randomBytes(24).toString("base64url"),
    accounts: new Map(),
    loginAs: "",
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: idp.clientId,
        client_secret: idp.clientSecret,
        redirect_uris: opts.redirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: randomUUID(), alg: "RS256", use: "sig" }] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    features: { devInteractions: { enabled: false } },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    async findAccount(_ctx, sub) {
      const account = idp.accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: () => ({ sub, ...account }) };
    },
  });
  const handle = provider.callback();
  server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (!req.url?.startsWith("/interaction/")) return handle(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      const accountId = idp.loginAs;
      const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
      grant.addOIDCScope("openid email profile");
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
    })().catch((err: unknown) => {
      res.statusCode = 500;
      res.end(String(err));
    });
  });
  return idp;
}
