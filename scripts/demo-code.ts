// `npm run demo:code`: the current two-step code of the demo admin (admins must have TOTP; the demo's key is public).
import { totp } from "../app/auth/totp";
import { DEMO_ADMIN_TOTP_SECRET, DEMO_USERS } from "../db/seed/demo";

const code = totp(DEMO_ADMIN_TOTP_SECRET, Date.now());
const left = 30 - (Math.floor(Date.now() / 1000) % 30);
console.log(`${code}  (${DEMO_USERS.admin}, valid for ${left} more seconds)`);
