/** Unknown routes: a friendly 404 in the user's language (rendered by the root error boundary). */
export async function loader() {
  throw new Response("Not Found", { status: 404 });
}
export default function NotFound() {
  return null;
}
