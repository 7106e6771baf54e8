// The account page says what the role allows in words, never the permission names of the code, in
// English and in French.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { permissions, rolePermissions } from "@/lib/auth/permissions.ts";
import { RolePermissions } from "./role-permissions.tsx";

describe("RolePermissions", () => {
  it("lists an auditor's permissions in words, one per line, and no permission name", () => {
    const html = renderToStaticMarkup(createElement(RolePermissions, { role: "AUDITOR", locale: "en" }));
    expect(html).toContain("auditor, who can:");
    expect(html).toContain("<li>download evidence bundles</li>");
    expect(html.match(/<li>/g)).toHaveLength(4);
    for (const permission of permissions) expect(html).not.toContain(permission);
  });

  it("says it in French, every permission in its own words", () => {
    const html = renderToStaticMarkup(createElement(RolePermissions, { role: "ADMIN", locale: "fr" }));
    const english = renderToStaticMarkup(createElement(RolePermissions, { role: "ADMIN", locale: "en" }));
    expect(html).toContain("administrateur, qui peut\u00a0:");
    expect(html).toContain("<li>télécharger les dossiers de preuve</li>");
    const items = [...html.matchAll(/<li>(.*?)<\/li>/g)].map((match) => match[1]);
    expect(items).toHaveLength(rolePermissions.ADMIN.length);
    expect(new Set(items).size).toBe(items.length);
    for (const item of items) expect(english).not.toContain(`<li>${item}</li>`);
    for (const permission of permissions) expect(html).not.toContain(permission);
  });
});
