import type { HelpPages } from "./types";

/** Problems of the analyzer itself, never a verdict about the server. */
export const ANALYZER_HELP = {
  INTERNAL_ERROR: {
    title: "The analyzer itself failed on this step",
    group: "Analyzer",
    severity: "error",
    summary:
      "The analyzer hit an unexpected error of its own while running this step (a bug, an exhausted resource, or a failure of its host). This is not a verdict about your server: nothing about the target can be concluded from this step, and steps that depended on it were skipped.",
    details: [
      "Expected network outcomes (refused, timed out, reset, bad certificate, wrong answer) all have their own problem codes. Anything else is caught and reported as an internal error, so that an analyzer defect is never mistaken for a problem with your server. The full error and stack trace go to the analyzer's server log; the page only shows a generic message so that internals are not exposed.",
      "The result's permalink (`/r/<id>`) identifies the run and its time, which lets the operator find the matching log entry.",
    ],
    symptoms: [
      'A step shows "Internal error" and the following steps are skipped.',
      "Re-running the same test may succeed if the cause was transient (e.g. the analyzer host was overloaded).",
    ],
    causes: [
      "A defect in the analyzer, often triggered by an unusual server answer (an uncommon certificate extension, an odd DNS response, a non-standard protocol reply).",
      "Resource problems on the analyzer host (memory, file descriptors, disk space for the result store).",
      "The result store (SQLite file or PostgreSQL) being unavailable.",
    ],
    fixes: [
      {
        text: "Run the test again. If the error persists, check the server with independent tools in the meantime (e.g. `openssl s_client -connect mail.contoso.com:443 -servername mail.contoso.com -showcerts`, `Test-NetConnection`).",
      },
      {
        text: "Report it to the operator of this analyzer instance with the permalink of the result, the time of the run and the test you ran. Do not send passwords; the result never contains them.",
      },
      {
        text: "Operators: find the entry in the service log by time and result id, and check the host's resources and the result store configuration (`RCA_DATABASE_URL`).",
        commands: [
          {
            shell: "bash",
            description: "Unit and container names depend on how the instance was deployed",
            lines: ['journalctl -u remote-connectivity-analyzer --since "30 min ago"', "docker logs --since 30m rca", "df -h"],
          },
        ],
      },
    ],
    seeAlso: ["CONNECTION_FAILED", "DNS_FAILURE"],
  },
  TEST_DEADLINE: {
    title: "The test ran out of time",
    group: "Analyzer",
    severity: "error",
    summary:
      "Every test has one time limit for the whole run, on top of each network operation's own timeout. It passed while this step was running: the step was abandoned and every later step skipped. The server answered too slowly, step after step, for the test to finish.",
    details: [
      "Each connection, handshake and answer may take up to `RCA_TIMEOUT_MS` (10 s by default). The whole test may take `RCA_TEST_DEADLINE_MS`, by default three times that. A server that answers every step slowly, each within its own timeout, can still exhaust the whole: this limit keeps one slow server from holding the analyzer, and other users' tests, for minutes.",
      "The steps that finished before the limit keep their results; what they show is valid.",
    ],
    symptoms: [
      "A step fails with TEST_DEADLINE and the following steps are skipped, saying that the test's time limit passed.",
      "Clients of the server (Outlook, phones) are slow to connect, sync or sign in, or time out themselves.",
    ],
    causes: [
      "A slow server or one behind an overloaded load balancer or reverse proxy: each answer takes seconds.",
      "Several Autodiscover methods that each wait for a timeout (names that resolve to addresses where nothing answers) before one works.",
      "A firewall that drops packets rather than refusing connections, so every attempt waits for its timeout.",
    ],
    fixes: [
      {
        text: "Find the slow step in the step list (each shows its time) and fix what makes it slow: the server, the load balancer, DNS records pointing at addresses where nothing listens (remove them, so clients fail fast and try the next method).",
        commands: [
          { shell: "bash", lines: ["time curl -sk -o /dev/null -w '%{time_connect} %{time_appconnect} %{time_total}\\n' https://mail.contoso.com/owa/"] },
          { shell: "PowerShell", lines: ["Measure-Command { Invoke-WebRequest https://mail.contoso.com/owa/ -UseBasicParsing }"] },
        ],
      },
      {
        text: "Operators of this analyzer: a test that legitimately needs longer (a slow WAN link to an internal server) can get more time with `RCA_TEST_DEADLINE_MS`.",
      },
    ],
    seeAlso: ["HTTP_TIMEOUT", "TCP_TIMEOUT"],
  },
} satisfies HelpPages;
