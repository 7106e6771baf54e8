"use client";
// The download button. The file streams from a form post, so this page is not replaced: once the
// download has started (and been counted), the page is read again so "N more times" and the
// expired state are true. Without JavaScript the form still works; the count updates on reload.
import { useRouter } from "next/navigation";

export function DownloadForm({ action, label }: { action: string; label: string }) {
  const router = useRouter();
  return (
    <form
      method="post"
      action={action}
      onSubmit={() => {
        // The count is taken when the download starts; read the page again shortly after.
        for (const delay of [1_500, 5_000]) setTimeout(() => router.refresh(), delay);
      }}
    >
      <button type="submit" className="button">
        {label}
      </button>
    </form>
  );
}
