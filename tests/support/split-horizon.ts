import { startDnsmasq, type RunningDnsmasq } from "./dnsmasq";
import { chainPem, createTestPki, type TestPki } from "./pki";
import { startHttpsServer, type RunningHttpsServer } from "./servers";

/**
 * One name, two answers: the lab of the vantage point tests. A DNS server for the inside sends `name` to a server with
 * a valid certificate; one for the outside sends it to another address, on the same port, whose certificate expired
 * (as behind a firewall with split-horizon DNS and another reverse proxy outside). Both chains are from `pki`, whose
 * root workers trust through NODE_EXTRA_CA_CERTS = pki.trustFile.
 */
export interface SplitHorizon {
  name: string;
  /** The port both servers listen on. */
  port: number;
  pki: TestPki;
  inside: { dns: RunningDnsmasq; server: RunningHttpsServer };
  outside: { dns: RunningDnsmasq; server: RunningHttpsServer };
  stop(): Promise<void>;
}

export interface SplitHorizonAddresses {
  dnsInside: string;
  dnsOutside: string;
  serverInside: string;
  serverOutside: string;
}

export async function startSplitHorizon(name: string, at: SplitHorizonAddresses): Promise<SplitHorizon> {
  const pki = await createTestPki();
  const day = 86_400_000;
  const good = await pki.issueLeaf({ commonName: name, dnsNames: [name] });
  const expired = await pki.issueLeaf({
    commonName: name,
    dnsNames: [name],
    notBefore: new Date(Date.now() - 400 * day),
    notAfter: new Date(Date.now() - 5 * day),
  });
  const insideServer = await startHttpsServer({ host: at.serverInside, chain: chainPem(good, pki.intermediate), key: good.keyPem });
  const outsideServer = await startHttpsServer({
    host: at.serverOutside,
    port: insideServer.port,
    chain: chainPem(expired, pki.intermediate),
    key: expired.keyPem,
  });
  const [insideDns, outsideDns] = await Promise.all([
    startDnsmasq({ listen: at.dnsInside, records: { [name]: [at.serverInside] } }),
    startDnsmasq({ listen: at.dnsOutside, records: { [name]: [at.serverOutside] } }),
  ]);
  return {
    name,
    port: insideServer.port,
    pki,
    inside: { dns: insideDns, server: insideServer },
    outside: { dns: outsideDns, server: outsideServer },
    async stop() {
      await Promise.allSettled([insideServer.close(), outsideServer.close(), insideDns.stop(), outsideDns.stop()]);
      await pki.cleanup();
    },
  };
}
