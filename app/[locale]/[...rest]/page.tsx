// Any other path under /en or /fr: the not-found page in that language, inside the layout.
import { notFound } from "next/navigation";

export default function UnknownPage() {
  notFound();
}
