// `npm run totp -- <BASE32 SECRET>`: prints the current six-digit code, for signing in
// as a demo admin without an authenticator app (development only).
import { totpAt } from "@visitnow/platform";

const secret = process.argv[2] ?? "VISITNOWDEMOADMIN2FASECRETKEY234";
const now = Date.now();
const left = 30 - Math.floor(now / 1000) % 30;
process.stdout.write(`${totpAt(secret, now)}  (valid for ${left} more seconds)\n`);
