{{/* Where silos may run: control-plane nodes, one per node when they share the host's ports. */}}
{{- define "ccm.affinity" -}}
{{- if .Values.affinity -}}
{{ toYaml .Values.affinity }}
{{- else -}}
{{- if .Values.controlPlaneOnly }}
nodeAffinity:
  requiredDuringSchedulingIgnoredDuringExecution:
    # Terms are OR-ed (a nodeSelector cannot OR): current kubeadm labels control-plane nodes
    # node-role.kubernetes.io/control-plane, clusters set up before Kubernetes 1.24 may only carry .../master.
    nodeSelectorTerms:
      - matchExpressions:
          - key: node-role.kubernetes.io/control-plane
            operator: Exists
      - matchExpressions:
          - key: node-role.kubernetes.io/master
            operator: Exists
{{- end }}
podAntiAffinity:
{{- if .Values.hostNetwork }}
  # Required: in the host's network namespace two silos on one node would clash on the health, dashboard and silo ports.
  requiredDuringSchedulingIgnoredDuringExecution:
    - topologyKey: kubernetes.io/hostname
      labelSelector:
        matchLabels:
          {{- include "ccm.siloSelectorLabels" . | nindent 10 }}
{{- else }}
  # Preferred: spreading silos over nodes keeps grains available when a node goes, but is not needed to start.
  preferredDuringSchedulingIgnoredDuringExecution:
    - weight: 100
      podAffinityTerm:
        topologyKey: kubernetes.io/hostname
        labelSelector:
          matchLabels:
            {{- include "ccm.siloSelectorLabels" . | nindent 12 }}
{{- end }}
{{- end -}}
{{- end -}}

{{- define "ccm.tolerations" -}}
# Control-plane nodes carry one of these taints (the legacy name before Kubernetes 1.24).
- key: node-role.kubernetes.io/control-plane
  operator: Exists
  effect: NoSchedule
- key: node-role.kubernetes.io/master
  operator: Exists
  effect: NoSchedule
# The kubelet's --cloud-provider=external taint, which only this controller removes: silos must run before it goes.
- key: node.cloudprovider.kubernetes.io/uninitialized
  operator: Exists
  effect: NoSchedule
# A node whose pod network waits for the routes this controller creates stays NotReady until they exist.
- key: node.kubernetes.io/not-ready
  operator: Exists
  effect: NoSchedule
{{- with .Values.tolerations }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/*
DNS: with hostNetwork the default is the host's resolvers (Default). ClusterFirstWithHostNet would send every
lookup, including the OpenAPI endpoints, to cluster DNS, which cannot run before this controller has initialised
the nodes: a bootstrap deadlock. The silo reaches the API server by the KUBERNETES_SERVICE_HOST address and needs no
cluster names.
*/}}
{{- define "ccm.dnsPolicy" -}}
{{- if .Values.dnsPolicy -}}
{{- .Values.dnsPolicy -}}
{{- else if .Values.hostNetwork -}}
Default
{{- else -}}
ClusterFirst
{{- end -}}
{{- end -}}
