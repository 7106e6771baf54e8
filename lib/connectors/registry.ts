// Every connector type the portal knows. Adding a type is adding a line here.
import { AppError } from "../errors.ts";
import type { ConnectorType } from "./connector.ts";
import { httpConnector } from "./http/index.ts";
import { manualConnector } from "./manual/index.ts";
import { mysqlConnector } from "./mysql/index.ts";
import { opendsrConnector } from "./opendsr/index.ts";
import { postgresConnector } from "./postgres/index.ts";
import { restConnector } from "./rest/index.ts";

const connectorTypes: Record<string, ConnectorType<unknown>> = {
  postgres: postgresConnector as ConnectorType<unknown>,
  mysql: mysqlConnector as ConnectorType<unknown>,
  http: httpConnector as ConnectorType<unknown>,
  manual: manualConnector as ConnectorType<unknown>,
  rest: restConnector as ConnectorType<unknown>,
  opendsr: opendsrConnector as ConnectorType<unknown>,
};

export const connectorTypeNames = Object.keys(connectorTypes);

export function isConnectorType(type: string): boolean {
  return Object.hasOwn(connectorTypes, type);
}

export function connectorType(type: string): ConnectorType<unknown> {
  const found = connectorTypes[type];
  if (!found) throw new AppError("BAD_REQUEST", `Unknown connector type "${type}"; known types: ${connectorTypeNames.join(", ")}.`);
  return found;
}
