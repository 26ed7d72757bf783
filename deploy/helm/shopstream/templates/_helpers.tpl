{{/* Names and labels. */}}
{{- define "shopstream.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}{{ .Release.Name | trunc 40 | trimSuffix "-" }}{{- else -}}{{ printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" }}{{- end -}}
{{- end -}}

{{- define "shopstream.labels" -}}
app.kubernetes.io/part-of: shopstream
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "shopstream.selector" -}}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/name: {{ .name }}
{{- end -}}

{{- define "shopstream.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{- define "shopstream.subgraphs" -}}
[identity, catalog, inventory, orders, recommendations, legacy]
{{- end -}}

{{/* Every long-running process: name → command and role. */}}
{{- define "shopstream.processes" -}}
router:
  role: router
  command: [node, router/dist/server.js]
{{- range (include "shopstream.subgraphs" . | fromYamlArray) }}
{{ . }}:
  role: subgraph
  domain: {{ . }}
  command: [node, subgraphs/{{ . }}/dist/server.js]
{{- end }}
{{- if .Values.storefront.enabled }}
storefront:
  role: storefront
  command: [node, storefront/dist/server.js]
{{- end }}
{{- if .Values.paymentSimulator.enabled }}
payment-simulator:
  role: simulator
  command: [node, subgraphs/orders/dist/payment-simulator.js]
{{- end }}
{{- end -}}

{{/* Settings of a process: services.<name>, or services.orders' defaults for the simulator. */}}
{{- define "shopstream.settings" -}}
{{- $settings := get .root.Values.services .name | default (get .root.Values.services "orders") -}}
{{- toYaml $settings -}}
{{- end -}}

{{- define "shopstream.secretRef" -}}
valueFrom:
  secretKeyRef:
    name: {{ .root.Values.secrets.existingSecret }}
    key: {{ .key }}
{{- end -}}

{{/* Environment of a process that talks to its domain's database (subgraphs, migrations). */}}
{{- define "shopstream.databaseEnv" -}}
{{- $db := get .root.Values.postgres.domains .domain | default dict -}}
- name: PGHOST
  value: {{ $db.host | default .root.Values.postgres.host | quote }}
- name: PGPORT
  value: {{ $db.port | default .root.Values.postgres.port | quote }}
- name: PGDATABASE
  value: {{ $db.database | default (printf "shopstream_%s" .domain) | quote }}
- name: PGUSER
  value: {{ $db.user | default (printf "shopstream_%s" .domain) | quote }}
- name: PGPASSWORD
  {{- include "shopstream.secretRef" (dict "root" .root "key" (printf "PGPASSWORD_%s" (upper .domain))) | nindent 2 }}
{{- with .root.Values.postgres.sslMode }}
- name: PGSSLMODE
  value: {{ . | quote }}
{{- end }}
{{- end -}}

{{- define "shopstream.commonEnv" -}}
- name: NODE_ENV
  value: production
- name: HOST
  value: 0.0.0.0
- name: PORT
  value: "8080"
- name: REDIS_URL
  value: {{ .Values.redis.url | quote }}
- name: KAFKA_BROKERS
  value: {{ .Values.kafka.brokers | quote }}
{{- with .Values.kafka.topicPrefix }}
- name: KAFKA_TOPIC_PREFIX
  value: {{ . | quote }}
{{- end }}
- name: SHUTDOWN_DRAIN_MS
  value: {{ .Values.shutdownDrainMs | quote }}
- name: IDENTITY_HMAC_SECRET
  {{- include "shopstream.secretRef" (dict "root" . "key" "IDENTITY_HMAC_SECRET") | nindent 2 }}
{{- end -}}

{{- define "shopstream.podSecurity" -}}
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}
