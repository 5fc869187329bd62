/**
 * VirtualGateway → Gateway: one listener per App Mesh listener (`<protocol>-<port>`). A listener
 * with TLS becomes HTTPS with what carries over — an SDS secret name becomes a certificateRef, an
 * ACM certificate becomes the Lattice controller's certificate-arn option on vpc-lattice — and the
 * rest (file certificates, client validation, PERMISSIVE mode) is reported.
 */
import type { VirtualGateway } from '../../model/types.js';
import type { Gateway, Listener } from './objects.js';
import { GATEWAY_API_V1 } from './objects.js';
import type { TargetName } from './capabilities.js';

export interface GatewayFinding {
  where: string;
  message: string;
}

export function listenerName(protocol: string, port: number): string {
  return `${protocol}-${port}`;
}

/** Kubernetes object name for an App Mesh resource (K8s name when there is one). */
export function k8sName(displayName: string): string {
  const n = displayName.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return (n === '' ? 'gateway' : n).slice(0, 200);
}

export function gatewayNamespace(gw: VirtualGateway): string {
  return gw.namespace ?? 'default';
}

export function gatewayOf(gw: VirtualGateway, gatewayClass: string, target: TargetName, findings: GatewayFinding[]): Gateway {
  const listeners: Listener[] = gw.listeners.map((l) => {
    const { port, protocol } = l.portMapping;
    const where = `VirtualGateway ${gw.name} listener ${port}`;
    const tls = l.extra['tls'] as { mode?: string; certificate?: Record<string, Record<string, string>>; validation?: unknown } | undefined;
    if (tls === undefined || tls.mode === 'DISABLED') return { name: listenerName(protocol, port), port, protocol: 'HTTP' };
    const listener: Listener = { name: listenerName(protocol, port), port, protocol: 'HTTPS', tls: { mode: 'Terminate' } };
    const cert = tls.certificate ?? {};
    if (cert['sds']?.['secretName'] !== undefined) {
      listener.tls!.certificateRefs = [{ kind: 'Secret', name: k8sName(cert['sds']['secretName']) }];
      findings.push({ where, message: `TLS: SDS secret ${cert['sds']['secretName']} → certificateRef Secret ${k8sName(cert['sds']['secretName'])} (create it as a kubernetes.io/tls Secret in namespace ${gatewayNamespace(gw)})` });
    } else if (cert['acm']?.['certificateArn'] !== undefined) {
      if (target === 'vpc-lattice') listener.tls!.options = { 'application-networking.k8s.aws/certificate-arn': cert['acm']['certificateArn'] };
      else findings.push({ where, message: `TLS: ACM certificate ${cert['acm']['certificateArn']} has no Gateway API form on ${target}; add a certificateRef` });
    } else if (cert['file'] !== undefined) {
      const name = k8sName(`${gw.displayName}-${port}-tls`);
      listener.tls!.certificateRefs = [{ kind: 'Secret', name }];
      findings.push({ where, message: `TLS: certificate files ${cert['file']['certificateChain']} / ${cert['file']['privateKey']} → create Secret ${name} (kubectl create secret tls ${name} --cert=… --key=…)` });
    }
    if (tls.mode === 'PERMISSIVE') findings.push({ where, message: 'TLS mode PERMISSIVE (plain text also accepted) has no Gateway API form: the listener accepts HTTPS only' });
    if (tls.validation !== undefined) findings.push({ where, message: 'TLS client validation (mutual TLS) is not carried over (Gateway frontendValidation is set per Gateway, implementation support varies)' });
    return listener;
  });
  return {
    apiVersion: GATEWAY_API_V1,
    kind: 'Gateway',
    metadata: { name: k8sName(gw.displayName), namespace: gatewayNamespace(gw) },
    spec: { gatewayClassName: gatewayClass, listeners },
  };
}
