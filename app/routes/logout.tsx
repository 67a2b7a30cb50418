import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { destroyUserSession, getSessionUser } from "../auth/session.server";
import { audit } from "../services/audit.server";

export async function action({ request }: ActionFunctionArgs) {
  const user = await getSessionUser(request);
  if (user) audit({ id: user.id, role: user.role }, "logout", "user", user.id);
  const cookie = await destroyUserSession(request);
  return redirect("/login?loggedOut=1", { headers: { "Set-Cookie": cookie } });
}

/** GET /logout shows nothing to log out with: logging out is a POST (no cross-site logout by image tags). */
export async function loader() {
  return redirect("/");
}
