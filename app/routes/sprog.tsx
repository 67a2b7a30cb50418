import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { getSessionUser } from "../auth/session.server";
import { safeRedirect } from "../auth/guards.server";
import { localeCookie } from "../i18n/locale.server";
import { isUiLocale } from "../i18n/i18n";
import { db } from "../db.server";
import { users } from "../../db/schema";

/** Switches the UI language: remembered in a cookie, and on the user when signed in. Works without JavaScript. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const lng = form.get("lng");
  const back = safeRedirect(form.get("redirectTo"), "/");
  if (!isUiLocale(lng)) return redirect(back);
  const user = await getSessionUser(request);
  if (user) db().update(users).set({ locale: lng }).where(eq(users.id, user.id)).run();
  return redirect(back, { headers: { "Set-Cookie": await localeCookie.serialize(lng) } });
}

export async function loader() {
  return redirect("/");
}
