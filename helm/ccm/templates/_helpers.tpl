{{/* Names, labels and small computations shared by the templates. */}}

{{- define "ccm.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The resource name prefix: the release name, plus the chart name unless the release name already holds it. */}}
{{- define "ccm.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "ccm.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "ccm.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "ccm.selectorLabels" -}}
app.kubernetes.io/name: {{ include "ccm.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Selector of the silo pods (the dashboard and headless Services and the PDB select the same pods). */}}
{{- define "ccm.siloSelectorLabels" -}}
{{ include "ccm.selectorLabels" . }}
app.kubernetes.io/component: silo
{{- end -}}

{{- define "ccm.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "ccm.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "ccm.headlessServiceName" -}}
{{- printf "%s-silos" (include "ccm.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "ccm.dashboardServiceName" -}}
{{- printf "%s-dashboard" (include "ccm.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The Secret the dashboard credentials are read from: the user's, or the one the chart generates. */}}
{{- define "ccm.dashboardSecretName" -}}
{{- default (printf "%s-dashboard-auth" (include "ccm.fullname" .) | trunc 63 | trimSuffix "-") .Values.dashboard.existingSecret -}}
{{- end -}}

{{/* The Secret holding the silo certificate, its key and the CA: the user's, or the one the chart generates. */}}
{{- define "ccm.siloTlsSecretName" -}}
{{- default (printf "%s-silo-tls" (include "ccm.fullname" .) | trunc 63 | trimSuffix "-") .Values.silo.tls.existingSecret -}}
{{- end -}}

{{- define "ccm.siloTlsDir" -}}/etc/ccm/silo-tls{{- end -}}

{{/*
The names of the Orleans tables' objects (Clustering.Kubernetes, prefix = silo.leaderElection.resourceName): the
membership ConfigMap, one heartbeat Lease per silo slot and one reminder ConfigMap per bucket. 16 slots and 16
buckets are the silo's fixed defaults (KubernetesClusteringOptions.DefaultSiloSlots, KubernetesReminderTableOptions
.DefaultBuckets); Tests/Chart.Tests compares these names with KubernetesClusteringRbac.Rules.
*/}}
{{- define "ccm.siloSlots" -}}16{{- end -}}
{{- define "ccm.reminderBuckets" -}}16{{- end -}}

{{- define "ccm.tableConfigMaps" -}}
{{- $prefix := .Values.silo.leaderElection.resourceName -}}
{{- $names := list (printf "%s-membership" $prefix) -}}
{{- range $bucket := until (include "ccm.reminderBuckets" . | atoi) -}}
{{- $names = append $names (printf "%s-reminders-%d" $prefix $bucket) -}}
{{- end -}}
{{- toJson $names -}}
{{- end -}}

{{- define "ccm.slotLeases" -}}
{{- $prefix := .Values.silo.leaderElection.resourceName -}}
{{- $names := list -}}
{{- range $slot := until (include "ccm.siloSlots" . | atoi) -}}
{{- $names = append $names (printf "%s-silo-%d" $prefix $slot) -}}
{{- end -}}
{{- toJson $names -}}
{{- end -}}

{{/*
Silos that must stay up during voluntary evictions: podDisruptionBudget.minAvailable, else a majority of the
replicas (a quorum of membership voters) but never all of them, so a node drain can always proceed.
*/}}
{{- define "ccm.pdbMinAvailable" -}}
{{- $replicas := int .Values.replicaCount -}}
{{- if ne (toString .Values.podDisruptionBudget.minAvailable) "" -}}
{{- int .Values.podDisruptionBudget.minAvailable -}}
{{- else -}}
{{- min (add (div $replicas 2) 1) (sub $replicas 1) | max 1 -}}
{{- end -}}
{{- end -}}

{{- define "ccm.cloudConfigMapName" -}}
{{- if .Values.cloudConfig.create -}}
{{- .Values.cloudConfig.name -}}
{{- else -}}
{{- .Values.cloudConfig.existingConfigMap.name -}}
{{- end -}}
{{- end -}}

{{- define "ccm.cloudConfigKey" -}}
{{- if .Values.cloudConfig.create -}}
cloud-config.conf
{{- else -}}
{{- .Values.cloudConfig.existingConfigMap.key -}}
{{- end -}}
{{- end -}}

{{- define "ccm.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{/* Whether the dashboard needs a credentials Secret (auth token or basic). */}}
{{- define "ccm.dashboardSecured" -}}
{{- if ne .Values.dashboard.auth "none" -}}true{{- end -}}
{{- end -}}

{{/*
Seconds in an h/m/s duration such as "1m30s" (the schema allows only that form for the timings the chart
compares), so that templates can check the leader-election timings against each other.
*/}}
{{- define "ccm.seconds" -}}
{{- $h := regexFind "[0-9]+h" . | trimSuffix "h" | default "0" | atoi -}}
{{- $m := regexFind "[0-9]+m" . | trimSuffix "m" | default "0" | atoi -}}
{{- $s := regexFind "[0-9]+s" . | trimSuffix "s" | default "0" | atoi -}}
{{- add (mul $h 3600) (mul $m 60) $s -}}
{{- end -}}

