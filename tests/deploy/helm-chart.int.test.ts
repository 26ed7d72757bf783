// The Helm chart (deploy/helm/shopstream), rendered with its default values and with the
// external-services example: `helm lint --strict`, every object valid against the Kubernetes 1.30
// API schemas in strict mode (unknown fields fail), and the chart's own rules (manifest-policies).
// The tools come from scripts/chart-tools (built once per machine, no network at run time).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { manifestProblems } from "./support/manifest-policies.js";

const root = path.resolve(import.meta.dirname, "../..");
const chart = path.join(root, "deploy/helm/shopstream");
const kubeVersion = "1.30.0";
// biome-ignore lint/suspicious/noExplicitAny: rendered Kubernetes objects
type K8sObject = Record<string, any>;

let tools: { HELM: string; KUBE_VALIDATE: string };
const run = (file: string, args: string[], input?: string) =>
  execFileSync(file, args, {
    cwd: root,
    encoding: "utf8",
    input,
    stdio: ["pipe", "pipe", "pipe"],
    maxBuffer: 64 << 20,
  });

const renders = {
  default: [] as string[],
  "external services": [
    "-f",
    path.join(chart, "examples/external-services.yaml"),
    "--set-file",
    "supergraph.sdl=schema/supergraph.graphql",
    "--set-file",
    "trustedDocuments.manifest=schema/operations/manifest.json",
  ],
};
const rendered: Record<string, { text: string; objects: K8sObject[] }> = {};

beforeAll(() => {
  tools = Object.fromEntries(
    run("bash", ["scripts/chart-tools"])
      .trim()
      .split("\n")
      .map((line) => line.split("=", 2)),
  );
  for (const [name, args] of Object.entries(renders)) {
    const text = run(tools.HELM, ["template", "shop", chart, "--kube-version", kubeVersion, ...args]);
    const documents = parseAllDocuments(text);
    expect(documents.flatMap((document) => document.errors.map((error) => error.message))).toEqual([]);
    rendered[name] = { text, objects: documents.map((document) => document.toJS()).filter(Boolean) };
  }
}, 600_000);

const byKind = (objects: K8sObject[], kind: string) => objects.filter((object) => object.kind === kind);
const clone = (objects: K8sObject[]) => structuredClone(objects);

describe("the Helm chart", () => {
  it("lints strictly", () => {
    expect(run(tools.HELM, ["lint", "--strict", chart, "--kube-version", kubeVersion])).toContain("0 chart(s) failed");
  });

  for (const name of Object.keys(renders))
    describe(`rendered with ${name} values`, () => {
      it("validates against the Kubernetes API schemas, unknown fields failing", () => {
        const output = run(tools.KUBE_VALIDATE, ["-k", kubeVersion, "--strict", "-"], rendered[name]!.text);
        expect(output).not.toMatch(/ERROR|WARN/);
        expect(output.match(/passed for resource/g)?.length).toBe(rendered[name]!.objects.length);
      });

      it("keeps the chart's rules: probes, resources, only the router exposed, no secret outside Secrets", () => {
        expect(manifestProblems(rendered[name]!.objects)).toEqual([]);
      });

      it("runs every process with a budget and a pre-install/pre-upgrade migration per domain", () => {
        const objects = rendered[name]!.objects;
        const deployments = byKind(objects, "Deployment").map((object) => object.metadata.name);
        expect(
          byKind(objects, "PodDisruptionBudget")
            .map((object) => object.metadata.name)
            .sort(),
        ).toEqual([...deployments].sort());
        const jobs = byKind(objects, "Job").filter((job) => job.metadata.name.includes("-migrate-"));
        expect(jobs.map((job) => job.spec.template.spec.containers[0].command.at(-1)).sort()).toEqual([
          "catalog",
          "identity",
          "inventory",
          "legacy",
          "orders",
          "recommendations",
        ]);
        for (const job of jobs) expect(job.metadata.annotations["helm.sh/hook"]).toBe("pre-install,pre-upgrade");
        // Payments stay at a steady baseline; catalog scales out on its own.
        const autoscaled = byKind(objects, "HorizontalPodAutoscaler").map((hpa) => hpa.spec.scaleTargetRef.name);
        expect(autoscaled).toContain("shop-shopstream-catalog");
        expect(autoscaled).not.toContain("shop-shopstream-orders");
      });
    });

  it("runs the legacy order backfill as a Job when enabled, reading the monolith's database", () => {
    expect(byKind(rendered.default!.objects, "Job").map((job) => job.metadata.name)).not.toContainEqual(
      expect.stringContaining("backfill"),
    );
    const [job, ...more] = byKind(rendered["external services"]!.objects, "Job").filter(
      (object) => object.spec.template.metadata.labels["app.kubernetes.io/name"] === "legacy-backfill",
    );
    expect(more).toEqual([]);
    const container = job!.spec.template.spec.containers[0];
    expect(container.command).toEqual([
      "node",
      "subgraphs/orders/dist/backfill.js",
      "--run",
      "legacy-orders",
      "--batch-size",
      "500",
      "--rate",
      "500",
    ]);
    const env = Object.fromEntries(
      container.env.map((entry: K8sObject) => [entry.name, entry.value ?? entry.valueFrom]),
    );
    expect(env).toMatchObject({
      PGHOST: "orders-db-rw",
      PGDATABASE: "orders",
      LEGACY_PGHOST: "legacy.postgres.database.example.com",
      LEGACY_PGDATABASE: "monolith",
      LEGACY_PGUSER: "shopstream_legacy",
      LEGACY_PGPASSWORD: { secretKeyRef: { name: "shopstream-production", key: "PGPASSWORD_LEGACY" } },
    });
  });

  it("ships the supergraph and trusted documents as ConfigMaps the router mounts", () => {
    const objects = rendered["external services"]!.objects;
    const maps = Object.fromEntries(byKind(objects, "ConfigMap").map((map) => [map.metadata.name, map.data]));
    expect(maps["shop-shopstream-supergraph"]["supergraph.graphql"]).toContain("join__Graph");
    const documents = JSON.parse(maps["shop-shopstream-trusted-documents"]["persisted-documents.json"]);
    const registered = JSON.parse(readFileSync(path.join(root, "schema/operations/manifest.json"), "utf8"));
    expect(Object.keys(documents).sort()).toEqual(registered.operations.map((o: { id: string }) => o.id).sort());
    for (const [id, body] of Object.entries(documents))
      expect(
        createHash("sha256")
          .update(body as string)
          .digest("hex"),
      ).toBe(id);
    const router = byKind(objects, "Deployment").find((object) => object.metadata.name === "shop-shopstream-router")!;
    const env = Object.fromEntries(
      router.spec.template.spec.containers[0].env.map((v: K8sObject) => [v.name, v.value]),
    );
    expect(env.SUPERGRAPH_PATH).toBe("/etc/shopstream/supergraph/supergraph.graphql");
    expect(env.TRUSTED_DOCUMENTS_DIR).toBe("/etc/shopstream/operations");
  });
});

it("serves the storefront web app at / beside the router at /graphql, wired to the router and identity", () => {
  const objects = rendered.default!.objects;
  const paths = byKind(objects, "Ingress").flatMap((ingress) =>
    ingress.spec.rules[0].http.paths.map((p: K8sObject) => [p.path, p.backend.service.name]),
  );
  expect(paths).toEqual([
    ["/graphql", "shop-shopstream-router"],
    ["/", "shop-shopstream-storefront"],
  ]);
  const storefront = byKind(objects, "Deployment").find(
    (object) => object.metadata.name === "shop-shopstream-storefront",
  )!;
  const container = storefront.spec.template.spec.containers[0];
  expect(container.command).toEqual(["node", "storefront/dist/server.js"]);
  const env = Object.fromEntries(container.env.map((v: K8sObject) => [v.name, v.value]));
  expect(env).toMatchObject({
    ROUTER_URL: "http://shop-shopstream-router:8080",
    IDENTITY_URL: "http://shop-shopstream-identity:8080",
  });
});

describe("the chart's rules catch", () => {
  const base = () => clone(rendered.default!.objects);
  const deployment = (objects: K8sObject[], name: string) =>
    objects.find((object) => object.kind === "Deployment" && object.metadata.name === `shop-shopstream-${name}`)!;

  it("a Deployment without probes or resources", () => {
    const objects = base();
    const container = deployment(objects, "catalog").spec.template.spec.containers[0];
    delete container.readinessProbe;
    delete container.resources.limits;
    expect(manifestProblems(objects)).toEqual([
      "Deployment/shop-shopstream-catalog container catalog sets no cpu limits",
      "Deployment/shop-shopstream-catalog container catalog sets no memory limits",
      "Deployment/shop-shopstream-catalog container catalog has no readinessProbe",
    ]);
  });

  it("a subgraph Service reachable from outside the router", () => {
    const objects = base();
    objects.find(
      (object) => object.kind === "Service" && object.metadata.name === "shop-shopstream-orders",
    )!.spec.type = "NodePort";
    const policy = objects.find(
      (object) => object.kind === "NetworkPolicy" && object.metadata.name === "shop-shopstream-inventory",
    )!;
    policy.spec.ingress[0].from.push({ namespaceSelector: {} });
    expect(manifestProblems(objects)).toEqual([
      "Service/shop-shopstream-orders is exposed as NodePort",
      "NetworkPolicy/shop-shopstream-inventory admits more than named pods to Deployment/shop-shopstream-inventory",
    ]);
    const unprotected = base().filter(
      (object) => !(object.kind === "NetworkPolicy" && /inventory|default-deny/.test(object.metadata.name)),
    );
    expect(manifestProblems(unprotected)).toContain(
      "Deployment/shop-shopstream-inventory accepts traffic from anywhere (no NetworkPolicy)",
    );
  });

  it("the storefront admitted to a subgraph other than identity", () => {
    const objects = base();
    const storefrontPods = {
      matchLabels: { "app.kubernetes.io/instance": "shop", "app.kubernetes.io/name": "storefront" },
    };
    objects
      .find((object) => object.kind === "NetworkPolicy" && object.metadata.name === "shop-shopstream-catalog")!
      .spec.ingress[0].from.push({ podSelector: storefrontPods });
    expect(manifestProblems(objects)).toEqual([
      "NetworkPolicy/shop-shopstream-catalog admits pods other than the router to subgraph Deployment/shop-shopstream-catalog",
    ]);
  });

  it("a secret in a ConfigMap or in plain environment", () => {
    const objects = base();
    objects.push({ kind: "ConfigMap", metadata: { name: "leak" }, data: { IDENTITY_HMAC_SECRET: "x".repeat(32) } });
    deployment(objects, "identity").spec.template.spec.containers[0].env.push({
      name: "SIGNING_KEY_SECRET",
      value: "s",
    });
    objects.push({ kind: "ConfigMap", metadata: { name: "env-file" }, data: { "app.env": "PGPASSWORD=hunter2\n" } });
    expect(manifestProblems(objects)).toEqual([
      "Deployment/shop-shopstream-identity container identity sets SIGNING_KEY_SECRET in plain text",
      "ConfigMap/leak holds a secret in IDENTITY_HMAC_SECRET",
      "ConfigMap/env-file holds a secret in app.env",
    ]);
  });
});
