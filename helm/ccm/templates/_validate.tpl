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
{{- fail (printf "terminationGracePeriodSeconds (%d) must be longer than silo.leaderElection.leaseDuration (%s = %d s) so a stopping silo can drain and hand its shards over" (int .Values.terminationGracePeriodSeconds) $le.leaseDuration $lease) -}}
{{- end -}}
{{- $health := int .Values.silo.healthPort -}}
{{- if eq $health (int .Values.dashboard.port) -}}
{{- fail (printf "silo.healthPort and dashboard.port are both %d; the probes need a port of their own" $health) -}}
{{- end -}}
{{- if and .Values.silo.metrics.enabled (eq $health (int .Values.silo.metrics.port)) -}}
{{- fail (printf "silo.healthPort and silo.metrics.port are both %d; the probes need a port of their own" $health) -}}
{{- end -}}
{{- end -}}
