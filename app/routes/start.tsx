import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireUser, startPath } from "../auth/guards.server";

/** Each role lands on its own start page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  throw redirect(startPath(user.role));
}
