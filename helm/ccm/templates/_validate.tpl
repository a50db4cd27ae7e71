{{/*
Checks the schema cannot express (it cannot compare two values). Each failure names the values involved and what
would make them valid. Called once, from the StatefulSet.
*/}}
{{- define "ccm.validate" -}}
{{- $le := .Values.silo.leaderElection -}}
{{- $lease := include "ccm.seconds" $le.leaseDuration | atoi -}}
{{- $renew := include "ccm.seconds" $le.renewDeadline | atoi -}}
{{- $retry := include "ccm.seconds" $le.retryPeriod | atoi -}}
{{- if le $lease $renew -}}
{{- fail (printf "silo.leaderElection.leaseDuration (%s) must be longer than silo.leaderElection.renewDeadline (%s)" $le.leaseDuration $le.renewDeadline) -}}
{{- end -}}
{{/* client-go's rule: renewDeadline > 1.2 x retryPeriod (its jitter factor), in integers. */}}
{{- if le (mul $renew 10) (mul $retry 12) -}}
{{- fail (printf "silo.leaderElection.renewDeadline (%s) must be longer than 1.2 x silo.leaderElection.retryPeriod (%s)" $le.renewDeadline $le.retryPeriod) -}}
{{- end -}}
{{- if le (int .Values.terminationGracePeriodSeconds) $lease -}}
{{- fail (printf "terminationGracePeriodSeconds (%d) must be longer than silo.leaderElection.leaseDuration (%s = %d s) so a stopping silo can finish its turns and leave the cluster" (int .Values.terminationGracePeriodSeconds) $le.leaseDuration $lease) -}}
{{- end -}}
{{- $health := int .Values.silo.healthPort -}}
{{- $siloPort := int .Values.silo.port -}}
{{- $others := dict "silo.healthPort" $health "dashboard.port" (int .Values.dashboard.port) -}}
{{- if .Values.silo.metrics.enabled -}}
{{- $_ := set $others "silo.metrics.port" (int .Values.silo.metrics.port) -}}
{{- end -}}
{{- range $name, $port := $others -}}
{{- if eq $port $siloPort -}}
{{- fail (printf "silo.port and %s are both %d; silos talk to each other on a port of their own" $name $siloPort) -}}
{{- end -}}
{{- end -}}
{{- if gt (int .Values.replicaCount) (div (include "ccm.siloSlots" . | atoi) 2) -}}
{{- fail (printf "replicaCount (%d) must be at most %d: the membership table has %s silo slots and a rolling restart needs room for the replacements" (int .Values.replicaCount) (div (include "ccm.siloSlots" . | atoi) 2) (include "ccm.siloSlots" .)) -}}
{{- end -}}
{{- if and .Values.podDisruptionBudget.enabled (gt (int .Values.replicaCount) 1) (ge (include "ccm.pdbMinAvailable" . | atoi) (int .Values.replicaCount)) -}}
{{- fail (printf "podDisruptionBudget.minAvailable (%s) must be below replicaCount (%d), or no node could ever be drained" (include "ccm.pdbMinAvailable" .) (int .Values.replicaCount)) -}}
{{- end -}}
{{- if eq $health (int .Values.dashboard.port) -}}
{{- fail (printf "silo.healthPort and dashboard.port are both %d; the probes need a port of their own" $health) -}}
{{- end -}}
{{- if and .Values.silo.metrics.enabled (eq $health (int .Values.silo.metrics.port)) -}}
{{- fail (printf "silo.healthPort and silo.metrics.port are both %d; the probes need a port of their own" $health) -}}
{{- end -}}
{{- end -}}
