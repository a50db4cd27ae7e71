{{/*
The silo's command line, built from values (flag catalogue: the team brief, upstream-compatible names). Every flag
is passed explicitly, so the rendered manifest says what the silo runs with whatever the silo's defaults become.
*/}}
{{- define "ccm.args" -}}
{{- $silo := .Values.silo -}}
{{- $le := $silo.leaderElection -}}
- {{ printf "--cloud-config=%s" (include "ccm.cloudConfigPath" .) | quote }}
- {{ printf "--controllers=%s" (join "," $silo.controllers) | quote }}
- {{ printf "--configure-cloud-routes=%t" $silo.configureCloudRoutes | quote }}
{{- if $silo.clusterCIDR }}
- {{ printf "--cluster-cidr=%s" $silo.clusterCIDR | quote }}
{{- end }}
- {{ printf "--route-reconciliation-period=%s" $silo.routeReconciliationPeriod | quote }}
- {{ printf "--leader-elect=%t" $le.enabled | quote }}
{{- if $le.enabled }}
- "--leader-elect-resource-lock=leases"
- {{ printf "--leader-elect-lease-duration=%s" $le.leaseDuration | quote }}
- {{ printf "--leader-elect-renew-deadline=%s" $le.renewDeadline | quote }}
- {{ printf "--leader-elect-retry-period=%s" $le.retryPeriod | quote }}
- {{ printf "--leader-elect-resource-name=%s" $le.resourceName | quote }}
{{- /* The Role that grants the membership and reminder objects exists in the release namespace only. */}}
- {{ printf "--leader-elect-resource-namespace=%s" .Release.Namespace | quote }}
{{- end }}
- {{ printf "--silo-port=%d" (int $silo.port) | quote }}
{{- if $silo.tls.enabled }}
- {{ printf "--silo-tls-dir=%s" (include "ccm.siloTlsDir" .) | quote }}
{{- end }}
{{- if $silo.dryRun }}
- "--dry-run=true"
{{- end }}
- {{ printf "--v=%d" (int $silo.logLevel) | quote }}
- {{ printf "--log-format=%s" $silo.logFormat | quote }}
- {{ printf "--network=%s" $silo.network | quote }}
- {{ printf "--enable-imdsv2=%t" $silo.enableImdsV2 | quote }}
{{- if $silo.featureGates }}
- {{ printf "--feature-gates=%s" $silo.featureGates | quote }}
{{- end }}
- {{ printf "--service-resync-period=%s" $silo.serviceResyncPeriod | quote }}
- {{ printf "--node-resync-period=%s" $silo.nodeResyncPeriod | quote }}
- {{ printf "--grain-idle-timeout=%s" $silo.grainIdleTimeout | quote }}
- {{ printf "--kube-api-qps=%d" (int $silo.kubeApi.qps) | quote }}
- {{ printf "--kube-api-burst=%d" (int $silo.kubeApi.burst) | quote }}
{{- /* $(POD_IP) is expanded by the kubelet from the container's environment (ccm.env). */}}
- {{ printf "--health-probe-bind-addr=%s:%d" (ternary "$(POD_IP)" "" $silo.healthBindPodIP) (int $silo.healthPort) | quote }}
{{- if $silo.metrics.enabled }}
- {{ printf "--metrics-bind-addr=:%d" (int $silo.metrics.port) | quote }}
{{- else }}
- "--metrics-bind-addr=0"
{{- end }}
- {{ printf "--dashboard-bind-addr=:%d" (int .Values.dashboard.port) | quote }}
- {{ printf "--dashboard-auth=%s" .Values.dashboard.auth | quote }}
{{- if eq .Values.dashboard.auth "token" }}
- {{ printf "--dashboard-token-file=%s/token" (include "ccm.dashboardAuthDir" .) | quote }}
{{- else if eq .Values.dashboard.auth "basic" }}
- {{ printf "--dashboard-basic-auth-file=%s/auth" (include "ccm.dashboardAuthDir" .) | quote }}
{{- end }}
{{- range $silo.extraArgs }}
- {{ . | quote }}
{{- end }}
{{- end -}}

{{- define "ccm.cloudConfigDir" -}}/etc/kubernetes/config{{- end -}}

{{/* Upstream's path; the chart maps whichever ConfigMap key holds the JSON to this file name. */}}
{{- define "ccm.cloudConfigPath" -}}{{ include "ccm.cloudConfigDir" . }}/cloud-config.conf{{- end -}}

{{- define "ccm.dashboardAuthDir" -}}/etc/ccm/dashboard{{- end -}}
