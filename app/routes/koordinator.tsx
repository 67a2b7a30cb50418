/**
 * The coordinator area's layout: its pages render inside it, and an error in any of them (a missing id, no access) is
 * shown here, in the reader's language, with the menu kept and the way back to the area's start.
 */
import { Outlet } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary";

export default function CoordinatorArea() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary area="coordinator" />;
}
