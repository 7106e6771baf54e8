// A download link the portal does not know: 404.
import { LinkNotFound } from "../../_components/link-not-found.tsx";

export default function DownloadNotFound() {
  return <LinkNotFound link="download" />;
}
