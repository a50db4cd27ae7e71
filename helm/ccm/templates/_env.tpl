{{/*
The silo's environment: its identity from the downward API, the AccessKey from a Secret when credentials.source is
secret, endpoint overrides, then extraEnv. With source ramRole or cloudConfig no credential variable is set, so the
silo falls through to the cloud-config keys or the instance's RAM role.
*/}}
{{- define "ccm.env" -}}
# --silo-name defaults to POD_NAME (the StatefulSet's stable names); --leader-elect-resource-namespace to POD_NAMESPACE;
# the silo port binds to POD_IP (the node's address with hostNetwork), never to every interface.
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: POD_NAMESPACE
  valueFrom:
    fieldRef:
      fieldPath: metadata.namespace
- name: POD_IP
  valueFrom:
    fieldRef:
      fieldPath: status.podIP
{{- if eq .Values.credentials.source "secret" }}
{{- with .Values.credentials.existingSecret }}
- name: ACCESS_KEY_ID
  valueFrom:
    secretKeyRef:
      name: {{ .name | quote }}
      key: {{ .accessKeyIdKey | quote }}
- name: ACCESS_KEY_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ .name | quote }}
      key: {{ .accessKeySecretKey | quote }}
{{- end }}
{{- end }}
{{- $endpoints := dict "SLB_ENDPOINT" .Values.endpoints.slb "VPC_ENDPOINT" .Values.endpoints.vpc "ECS_ENDPOINT" .Values.endpoints.ecs "METADATA_ENDPOINT" .Values.endpoints.metadata "ALICLOUD_CLIENT_SCHEME" .Values.endpoints.scheme }}
{{- range $name := keys $endpoints | sortAlpha }}
{{- with get $endpoints $name }}
- name: {{ $name }}
  value: {{ . | quote }}
{{- end }}
{{- end }}
{{- with .Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end -}}
