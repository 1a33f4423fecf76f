/** Every URL no other route claims: the portal's 404 page (rendered by the root boundary). */
export async function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}
