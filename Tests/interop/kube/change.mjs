// Changes one Service with the official @kubernetes/client-node, from the kubeconfig exactly as the emulator wrote it:
// a JSON merge patch that adds a label, then a delete. Prints one JSON line per reply, so a test can read what the
// client got back (and, with informer.mjs running, what an informer saw).
//   node change.mjs KUBECONFIG NAMESPACE NAME
import * as k8s from '@kubernetes/client-node';

const [kubeconfig, namespace, name] = process.argv.slice(2);
if (!kubeconfig || !namespace || !name) {
  console.error('usage: node change.mjs KUBECONFIG NAMESPACE NAME');
  process.exit(2);
}

const kc = new k8s.KubeConfig();
kc.loadFromFile(kubeconfig);
const api = kc.makeApiClient(k8s.CoreV1Api);

const patched = await api.patchNamespacedService(
  { name, namespace, body: { metadata: { labels: { patchedBy: 'client-node' } } } },
  k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch));
console.log(JSON.stringify({
  type: 'PATCHED',
  name: patched.metadata?.name,
  resourceVersion: patched.metadata?.resourceVersion,
  labels: patched.metadata?.labels ?? {},
}));

const deleted = await api.deleteNamespacedService({ name, namespace });
console.log(JSON.stringify({ type: 'DELETED', kind: deleted.kind, name: deleted.metadata?.name }));
