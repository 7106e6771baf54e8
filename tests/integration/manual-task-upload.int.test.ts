// The manual-task upload route refuses, before reading anything, what it must not take: no key or
// the wrong role, a body over the limit, a body that is not a form, a task of another request; and
// says so in the member's language.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST } from "../../app/staff/requests/[id]/tasks/[taskId]/complete/route.ts";
import { createApiKey } from "../../lib/auth/create-api-key.ts";

const context = (id: string, taskId: string) => ({ params: Promise.resolve({ id, taskId }) });

async function post(role: "agent" | "auditor" | null, headers: Record<string, string>, body: BodyInit = "x") {
  const key = role ? (await createApiKey({ name: `upload ${role}`, role })).key : null;
  const request = new Request("http://localhost/staff/requests/r/tasks/t/complete", {
    method: "POST",
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
    body,
  });
  return POST(request, context("DSR-0000-0000", randomUUID()));
}

describe("POST /staff/requests/{id}/tasks/{taskId}/complete", () => {
  it("refuses a role without tasks.manage", async () => {
    const response = await post("auditor", { "content-type": "multipart/form-data; boundary=x", "content-length": "1" });
    expect(response.status).toBe(403);
  });

  it("refuses a body over 51 MB by its length, before reading it", async () => {
    const response = await post("agent", { "content-type": "multipart/form-data; boundary=x", "content-length": String(60 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect((await response.json()).error.message).toContain("50 MB");
  });

  it("refuses in French to a member who reads French", async () => {
    const tooLarge = await post("agent", {
      "content-type": "multipart/form-data; boundary=x",
      "content-length": String(60 * 1024 * 1024),
      "accept-language": "fr-FR,fr;q=0.9",
    });
    expect((await tooLarge.json()).error.message).toBe("Le fichier doit faire au plus 50\u00a0Mo.");
    const notAForm = await post("agent", { "content-type": "application/json", "content-length": "2", "accept-language": "fr" }, "{}");
    expect((await notAForm.json()).error.message).toBe("Envoyez le formulaire en multipart/form-data.");
  });

  it("refuses a body that is not a form", async () => {
    const response = await post("agent", { "content-type": "application/json", "content-length": "2" }, "{}");
    expect(response.status).toBe(415);
  });

  it("answers 404 for a task that is not the request's, naming both", async () => {
    const form = new FormData();
    const taskId = randomUUID();
    form.set("reference", "DSR-0000-0000");
    form.set("taskId", taskId);
    form.set("note", "Checked the archive.");
    const key = (await createApiKey({ name: "upload agent", role: "agent" })).key;
    const request = new Request("http://localhost/staff/requests/DSR-0000-0000/tasks/x/complete", {
      method: "POST",
      headers: { authorization: `Bearer ${key}` },
      body: form,
    });
    // Undici sets the multipart type; the length is known for a FormData body.
    const withLength = new Request(request, { headers: { ...Object.fromEntries(request.headers), "content-length": "500" } });
    const response = await POST(withLength, context("DSR-0000-0000", taskId));
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toBe(`Request DSR-0000-0000 has no task ${taskId}.`);
  });
});
