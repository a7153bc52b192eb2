// A short typed walk through the PartnerPlan API with the client generated from docs/openapi.yaml:
// organisations (upsert by a CRM id, filtered list), a plan (create, read with its ETag, edit with
// If-Match) and the inbox. Every answer is typed: a property the document marks optional is
// `T | undefined` here, so the compiler (strict null checks) makes us handle its absence.
//
// Environment: PP_GATEWAY_URL, PP_ADMIN_TOKEN (tenant admin), PP_VENDOR_MANAGER_TOKEN (a vendor
// manager of PP_VENDOR_ID). Exits non-zero, saying why, on the first unexpected answer.
import createClient from "openapi-fetch";
import type { components, paths } from "./schema.js";

type Organisation = components["schemas"]["Organisation"];
type Plan = components["schemas"]["Plan"];
type Problem = components["schemas"]["Problem"];

function env(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === "") {
    throw new Error(`${name} is not set`);
  }
  return value;
}

function fail(step: string, status: number, problem: Problem | undefined): never {
  throw new Error(`${step}: HTTP ${status} ${problem?.type ?? ""} ${problem?.detail ?? ""}`.trim());
}

function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) {
    throw new Error(`${what} is missing from the answer`);
  }
  return value;
}

const baseUrl = env("PP_GATEWAY_URL");
const admin = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${env("PP_ADMIN_TOKEN")}` } });
const vm = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${env("PP_VENDOR_MANAGER_TOKEN")}` } });
const run = Date.now().toString(36);

// Organisations: a CRM sync upserts the partner by its own id, safe to repeat.
const upsert = await admin.PUT("/api/v1/organisations/by-external-id/{system}/{externalId}", {
  params: { path: { system: "crm:salesforce", externalId: `TS-${run}` } },
  body: { name: `Typed Partner ${run}`, kind: "PARTNER", timeZone: "Europe/Berlin" },
});
if (upsert.error !== undefined || upsert.data === undefined) fail("upsert partner", upsert.response.status, upsert.error);
const partner: Organisation = upsert.data;
const partnerId = present(partner.id, "organisation id");

const found = await admin.GET("/api/v1/organisations", {
  params: { query: { kind: "PARTNER", externalSystem: "crm:salesforce", externalId: `TS-${run}` } },
});
if (found.data === undefined) fail("find partner by external id", found.response.status, found.error);
const items: Organisation[] = found.data.items ?? [];
if (items.length !== 1 || items[0]?.id !== partnerId) {
  throw new Error(`the external-id filter found ${items.length} organisations`);
}

// A plan: created by the vendor manager, read back with its ETag, edited with If-Match.
const created = await vm.POST("/api/v1/plans", {
  body: { partnerOrganisationId: partnerId, title: `Typed plan ${run}`, horizonStart: "2027-02-01", horizonEnd: "2028-01-31" },
});
if (created.data === undefined) fail("create plan", created.response.status, created.error);
const planId = present(created.data.id, "plan id");

const read = await vm.GET("/api/v1/plans/{id}", { params: { path: { id: planId } } });
if (read.data === undefined) fail("read plan", read.response.status, read.error);
const etag = read.response.headers.get("ETag");
if (etag === null) throw new Error("the plan came without an ETag");
const plan: Plan = read.data;

const edited = await vm.PUT("/api/v1/plans/{id}", {
  params: { path: { id: planId }, header: { "If-Match": etag } },
  body: {
    title: `${plan.title ?? "Plan"} (edited)`,
    horizonStart: present(plan.horizonStart, "horizonStart"),
    horizonEnd: present(plan.horizonEnd, "horizonEnd"),
  },
});
if (edited.data === undefined) fail("edit plan", edited.response.status, edited.error);

const stale = await vm.PUT("/api/v1/plans/{id}", {
  params: { path: { id: planId }, header: { "If-Match": etag } },
  body: { title: "lost update", horizonStart: "2027-02-01", horizonEnd: "2028-01-31" },
});
if (stale.response.status !== 412 || stale.error?.type !== "https://partnerplan.io/problems/precondition-failed") {
  throw new Error(`a stale If-Match answered ${stale.response.status}, not 412 precondition-failed`);
}

// The inbox: a typed page; nextCursor is absent on the last page, never null.
const inbox = await vm.GET("/api/v1/notifications/inbox", { params: { query: { limit: 5 } } });
if (inbox.data === undefined) fail("read inbox", inbox.response.status, inbox.error);
const unread = (inbox.data.items ?? []).length;

console.log(`typescript client: partner ${partnerId}, plan ${planId} "${edited.data.title ?? ""}" `
  + `version ${edited.data.version ?? "?"}, stale edit refused with 412, inbox page of ${unread}`);
