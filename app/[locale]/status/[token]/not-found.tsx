// A status link the portal does not know (mistyped, cut, or of a request since deleted): 404.
import { LinkNotFound } from "../../_components/link-not-found.tsx";

export default function StatusNotFound() {
  return <LinkNotFound link="status" />;
}
