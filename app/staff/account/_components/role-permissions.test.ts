// The account page says what the role allows in words, never the permission names of the code.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { permissions } from "@/lib/auth/permissions.ts";
import { RolePermissions } from "./role-permissions.tsx";

describe("RolePermissions", () => {
  it("lists an auditor's permissions in words, one per line, and no permission name", () => {
    const html = renderToStaticMarkup(createElement(RolePermissions, { role: "AUDITOR" }));
    expect(html).toContain("auditor, who can:");
    expect(html).toContain("<li>download evidence bundles</li>");
    expect(html.match(/<li>/g)).toHaveLength(4);
    for (const permission of permissions) expect(html).not.toContain(permission);
  });
});
