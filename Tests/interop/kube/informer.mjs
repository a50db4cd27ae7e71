// Runs the official @kubernetes/client-node informer on the Services of one namespace and prints one JSON line per
// notification, so a test can drive changes (with kubectl) and read what the informer saw.
//   node informer.mjs KUBECONFIG NAMESPACE
import * as k8s from '@kubernetes/client-node';

const [kubeconfig, namespace] = process.argv.slice(2);
if (!kubeconfig || !namespace) {
  console.error('usage: node informer.mjs KUBECONFIG NAMESPACE');
  process.exit(2);
}

// The kubeconfig exactly as the emulator wrote it: https, its CA inline, a bearer token (no skipTLSVerify).
const kc = new k8s.KubeConfig();
kc.loadFromFile(kubeconfig);
const api = kc.makeApiClient(k8s.CoreV1Api);
const informer = k8s.makeInformer(kc, `/api/v1/namespaces/${namespace}/services`,
  () => api.listNamespacedService({ namespace }));

const emit = (type, obj) => console.log(JSON.stringify({
  type,
  name: obj?.metadata?.name,
  resourceVersion: obj?.metadata?.resourceVersion,
  labels: obj?.metadata?.labels ?? {},
}));

informer.on(k8s.ADD, (obj) => emit('ADDED', obj));
informer.on(k8s.UPDATE, (obj) => emit('MODIFIED', obj));
informer.on(k8s.DELETE, (obj) => emit('DELETED', obj));
informer.on(k8s.ERROR, (err) => {
  console.log(JSON.stringify({ type: 'ERROR', message: String(err?.message ?? err) }));
  setTimeout(() => informer.start(), 500); // as the client-node docs advise: restart after an error
});

await informer.start();
console.log(JSON.stringify({ type: 'STARTED' }));
process.on('SIGTERM', async () => {
  await informer.stop();
  process.exit(0);
});
