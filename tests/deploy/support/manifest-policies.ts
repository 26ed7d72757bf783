// Rules every rendered Kubernetes manifest of the chart must keep, beyond schema validity:
// probes and resources on every long-running container, subgraphs reachable from the router
// alone, and no secret outside a Secret. Returns one readable problem per violation.
// biome-ignore-all lint/suspicious/noExplicitAny: walks untyped Kubernetes objects
type K8sObject = Record<string, any>;

const secretName = /secret|password|passwd|token|credential|private[-_]?key/i;
// A private key, or an env-file style assignment (IDENTITY_HMAC_SECRET=...); SDL fields such as
// `password: String!` are lower case and pass.
const secretValue = /-----BEGIN [A-Z ]*PRIVATE KEY-----|\b[A-Z0-9_]*(PASSWORD|SECRET|TOKEN)[A-Z0-9_]*\s*[=:]\s*\S/;

export function manifestProblems(objects: K8sObject[]): string[] {
  return [...workloadProblems(objects), ...exposureProblems(objects), ...secretProblems(objects)];
}

const id = (object: K8sObject) => `${object.kind}/${object.metadata?.name}`;
const podSpec = (object: K8sObject) =>
  object.kind === "Deployment" || object.kind === "Job" ? object.spec?.template?.spec : undefined;
const podLabels = (object: K8sObject): Record<string, string> => object.spec?.template?.metadata?.labels ?? {};
const matches = (selector: Record<string, string> | undefined, labels: Record<string, string>) =>
  Object.entries(selector ?? {}).every(([key, value]) => labels[key] === value);

function workloadProblems(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  for (const object of objects) {
    const spec = podSpec(object);
    if (!spec) continue;
    for (const container of spec.containers ?? []) {
      const where = `${id(object)} container ${container.name}`;
      if (!container.image) problems.push(`${where} has no image`);
      for (const kind of ["requests", "limits"])
        for (const resource of ["cpu", "memory"])
          if (!container.resources?.[kind]?.[resource]) problems.push(`${where} sets no ${resource} ${kind}`);
      if (object.kind === "Deployment")
        for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"])
          if (!container[probe]) problems.push(`${where} has no ${probe}`);
      if (spec.securityContext?.runAsNonRoot !== true && container.securityContext?.runAsNonRoot !== true)
        problems.push(`${where} may run as root`);
    }
  }
  return problems;
}

/** Only the edge (the router, and the storefront web app) is reachable from outside: ClusterIP
 * Services, Ingress paths to the edge only, and a NetworkPolicy on every other pod that admits
 * nothing but named pods of this release; a subgraph admits the router alone, identity also the
 * storefront (its sign-in page and token endpoint). */
function exposureProblems(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  const deployments = objects.filter((object) => object.kind === "Deployment");
  const withRole = (role: string) => deployments.find((object) => podLabels(object)["shopstream.dev/role"] === role);
  const router = withRole("router");
  const storefront = withRole("storefront");
  const edge = [router, storefront].filter((object): object is K8sObject => object !== undefined);
  const edgeNames = new Set(edge.map((object) => object.metadata?.name));
  const policies = objects.filter(
    (object) => object.kind === "NetworkPolicy" && (object.spec?.policyTypes ?? ["Ingress"]).includes("Ingress"),
  );
  for (const service of objects.filter((object) => object.kind === "Service")) {
    const isEdge = edge.some((object) => matches(service.spec?.selector, podLabels(object)));
    if ((service.spec?.type ?? "ClusterIP") !== "ClusterIP" && !isEdge)
      problems.push(`${id(service)} is exposed as ${service.spec.type}`);
  }
  for (const ingress of objects.filter((object) => object.kind === "Ingress"))
    for (const rule of ingress.spec?.rules ?? [])
      for (const path of rule.http?.paths ?? [])
        if (!edgeNames.has(path.backend?.service?.name))
          problems.push(`${id(ingress)} routes to ${path.backend?.service?.name}, not the router or the storefront`);
  const isPod = (peer: K8sObject, pod: K8sObject | undefined) =>
    pod !== undefined && matches(peer.podSelector.matchLabels, podLabels(pod));
  for (const deployment of deployments) {
    if (edge.includes(deployment)) continue;
    const labels = podLabels(deployment);
    const applying = policies.filter((policy) => matches(policy.spec?.podSelector?.matchLabels, labels));
    if (applying.length === 0) problems.push(`${id(deployment)} accepts traffic from anywhere (no NetworkPolicy)`);
    for (const policy of applying)
      for (const rule of policy.spec?.ingress ?? []) {
        const from: K8sObject[] = rule.from ?? [];
        if (from.length === 0) problems.push(`${id(policy)} admits every source to ${id(deployment)}`);
        for (const peer of from)
          if (peer.ipBlock || peer.namespaceSelector || !peer.podSelector?.matchLabels)
            problems.push(`${id(policy)} admits more than named pods to ${id(deployment)}`);
          else if (
            labels["shopstream.dev/role"] === "subgraph" &&
            !isPod(peer, router) &&
            !(labels["shopstream.dev/domain"] === "identity" && isPod(peer, storefront))
          )
            problems.push(`${id(policy)} admits pods other than the router to subgraph ${id(deployment)}`);
      }
  }
  return problems;
}

function secretProblems(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  for (const object of objects) {
    if (object.kind === "ConfigMap")
      for (const [key, value] of Object.entries<string>(object.data ?? {}))
        if (secretName.test(key) || secretValue.test(value)) problems.push(`${id(object)} holds a secret in ${key}`);
    for (const container of podSpec(object)?.containers ?? [])
      for (const variable of container.env ?? [])
        if (secretName.test(variable.name) && variable.value !== undefined)
          problems.push(`${id(object)} container ${container.name} sets ${variable.name} in plain text`);
  }
  return problems;
}
