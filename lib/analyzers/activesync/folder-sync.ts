import { text, type LocalizedText, type TextKey } from "@/lib/engine/text";
import { cleanText, LIMITS } from "@/lib/net/limits";
import { childNamed, childrenNamed, decodeWbxml, encodeWbxml, type WbxmlElement } from "./wbxml";

/** The FolderSync command (MS-ASCMD 2.2.1.5): the request body, and what a response body says. Pure. */

const NS = "FolderHierarchy";

/** <FolderSync xmlns="FolderHierarchy:"><SyncKey>0</SyncKey></FolderSync>: a new device asking for the whole folder hierarchy. */
export const FOLDER_SYNC_REQUEST: Buffer = encodeWbxml({ name: `${NS}:FolderSync`, children: [{ name: `${NS}:SyncKey`, text: "0" }] });

/** What a FolderSync response says, or why it couldn't be read. */
export type FolderSyncReading =
  | {
      kind: "read";
      /** FolderSync/Status; absent when the server sent none (a malformed answer). */
      status?: number;
      /** Changes/Count: the number of changes (on a first sync, every folder is one). */
      count?: number;
      /** Changes/Add elements read. */
      added: number;
      /** Folders read, by type name (Inbox, Calendar, user-created mail…): no folder names, they are the mailbox's content. */
      folderTypes: Record<string, number>;
      /** The body was cut at the size limit, or broke off: only its beginning was read. */
      partial?: string;
      /** `partial` as a catalogue text. */
      partialText?: LocalizedText;
    }
  | { kind: "unreadable"; reason: string; reasonText: LocalizedText };

/** Folder types (MS-ASCMD 2.2.3.186.3), for the summary of what the hierarchy holds. */
const FOLDER_TYPES: Readonly<Record<number, string>> = {
  1: "user-created generic",
  2: "Inbox",
  3: "Drafts",
  4: "Deleted Items",
  5: "Sent Items",
  6: "Outbox",
  7: "Tasks",
  8: "Calendar",
  9: "Contacts",
  10: "Notes",
  11: "Journal",
  12: "user-created mail",
  13: "user-created calendar",
  14: "user-created contacts",
  15: "user-created tasks",
  16: "user-created journal",
  17: "user-created notes",
  18: "unknown",
  19: "recipient information cache",
};

/**
 * Reads a FolderSync response body. `truncated`: the HTTP layer stopped at its size limit, so the body breaks off;
 * Status and Count come first in it, so the beginning still answers (the rest of a very large hierarchy is only counted).
 */
export function readFolderSync(body: Uint8Array, truncated: boolean): FolderSyncReading {
  const decoded = decodeWbxml(body);
  let root: WbxmlElement | undefined;
  let partial: LocalizedText | undefined;
  // The decoder's own reason stays English: a parser diagnostic, given as a param.
  if (decoded.ok) root = decoded.root;
  else if (truncated && decoded.partial) {
    root = decoded.partial;
    partial = text("steps.activeSync.folderSync.partial", { bytes: body.length, error: decoded.error });
  } else return unreadable(text("steps.activeSync.folderSync.notWbxml", { error: decoded.error }));

  if (root.namespace !== NS || root.name !== "FolderSync") {
    return unreadable(text("steps.activeSync.folderSync.wrongRoot", { root: cleanText(`${root.namespace}:${root.name}`, LIMITS.xmlName) }));
  }
  const changes = childNamed(root, NS, "Changes");
  const adds = changes ? childrenNamed(changes, NS, "Add") : [];
  const folderTypes: Record<string, number> = {};
  for (const add of adds) {
    const type = integer(childNamed(add, NS, "Type"));
    const name = (type !== undefined ? FOLDER_TYPES[type] : undefined) ?? "unknown";
    folderTypes[name] = (folderTypes[name] ?? 0) + 1;
  }
  const status = integer(childNamed(root, NS, "Status"));
  const count = changes ? integer(childNamed(changes, NS, "Count")) : undefined;
  return {
    kind: "read",
    ...(status === undefined ? {} : { status }),
    ...(count === undefined ? {} : { count }),
    added: adds.length,
    folderTypes,
    ...(partial ? { partial: partial.english, partialText: partial } : {}),
  };
}

function unreadable(reason: LocalizedText): FolderSyncReading {
  return { kind: "unreadable", reason: reason.english, reasonText: reason };
}

/** An element's text as a non-negative integer; anything else reads as absent. */
function integer(element: WbxmlElement | undefined): number | undefined {
  const text = element?.text.trim() ?? "";
  return /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

/** How the analyzer judges a status: fine, a policy step real devices take first, or a failure. */
export type StatusKind = "success" | "provisioning" | "failure";

/**
 * FolderSync Status values (MS-ASCMD 2.2.3.177.4) and the common ones any command can return (2.2.2), in words an
 * admin acts on. Unlisted values are named by number.
 */
const STATUSES: Readonly<Record<number, { kind: StatusKind; meaning: StatusKey }>> = {
  1: { kind: "success", meaning: "steps.activeSync.status.s1" },
  6: { kind: "failure", meaning: "steps.activeSync.status.s6" },
  9: { kind: "failure", meaning: "steps.activeSync.status.s9" },
  10: { kind: "failure", meaning: "steps.activeSync.status.s10" },
  11: { kind: "failure", meaning: "steps.activeSync.status.s11" },
  12: { kind: "failure", meaning: "steps.activeSync.status.s12" },
  101: { kind: "failure", meaning: "steps.activeSync.status.s101" },
  102: { kind: "failure", meaning: "steps.activeSync.status.s102" },
  103: { kind: "failure", meaning: "steps.activeSync.status.s103" },
  108: { kind: "failure", meaning: "steps.activeSync.status.s108" },
  109: { kind: "failure", meaning: "steps.activeSync.status.s109" },
  110: { kind: "failure", meaning: "steps.activeSync.status.s110" },
  111: { kind: "failure", meaning: "steps.activeSync.status.s111" },
  112: { kind: "failure", meaning: "steps.activeSync.status.s112" },
  113: { kind: "failure", meaning: "steps.activeSync.status.s113" },
  114: { kind: "failure", meaning: "steps.activeSync.status.s114" },
  123: { kind: "failure", meaning: "steps.activeSync.status.s123" },
  124: { kind: "failure", meaning: "steps.activeSync.status.s124" },
  125: { kind: "failure", meaning: "steps.activeSync.status.s125" },
  126: { kind: "failure", meaning: "steps.activeSync.status.s126" },
  127: { kind: "failure", meaning: "steps.activeSync.status.s127" },
  128: { kind: "failure", meaning: "steps.activeSync.status.s128" },
  129: { kind: "failure", meaning: "steps.activeSync.status.s129" },
  130: { kind: "failure", meaning: "steps.activeSync.status.s130" },
  131: { kind: "failure", meaning: "steps.activeSync.status.s131" },
  132: { kind: "failure", meaning: "steps.activeSync.status.s132" },
  133: { kind: "failure", meaning: "steps.activeSync.status.s133" },
  134: { kind: "failure", meaning: "steps.activeSync.status.s134" },
  137: { kind: "failure", meaning: "steps.activeSync.status.s137" },
  138: { kind: "failure", meaning: "steps.activeSync.status.s138" },
  139: { kind: "failure", meaning: "steps.activeSync.status.s139" },
  140: { kind: "provisioning", meaning: "steps.activeSync.status.s140" },
  141: { kind: "failure", meaning: "steps.activeSync.status.s141" },
  142: { kind: "provisioning", meaning: "steps.activeSync.status.s142" },
  143: { kind: "provisioning", meaning: "steps.activeSync.status.s143" },
  144: { kind: "provisioning", meaning: "steps.activeSync.status.s144" },
  145: { kind: "failure", meaning: "steps.activeSync.status.s145" },
  177: { kind: "failure", meaning: "steps.activeSync.status.s177" },
};

/** A key of the Status meanings in the catalogue (lib/analyzers/activesync/messages.ts). */
type StatusKey = Extract<TextKey, `steps.activeSync.status.s${number}`>;

/** What a Status means: `meaning` in English, `text` as the catalogue text. */
export function folderSyncStatus(status: number): { kind: StatusKind; meaning: string; text: LocalizedText } {
  const known = STATUSES[status];
  const meaning = known ? text(known.meaning) : text("steps.activeSync.status.unknown", { status });
  return { kind: known?.kind ?? "failure", meaning: meaning.english, text: meaning };
}
