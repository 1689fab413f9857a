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
    }
  | { kind: "unreadable"; reason: string };

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
  let partial: string | undefined;
  if (decoded.ok) root = decoded.root;
  else if (truncated && decoded.partial) {
    root = decoded.partial;
    partial = `the response was larger than ${body.length} bytes, so only its beginning was read (${decoded.error})`;
  } else return { kind: "unreadable", reason: `it isn't valid WBXML: ${decoded.error}` };

  if (root.namespace !== NS || root.name !== "FolderSync") {
    return { kind: "unreadable", reason: `its root element is ${cleanText(`${root.namespace}:${root.name}`, LIMITS.xmlName)}, not FolderHierarchy:FolderSync` };
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
    ...(partial ? { partial } : {}),
  };
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
const STATUSES: Readonly<Record<number, { kind: StatusKind; meaning: string }>> = {
  1: { kind: "success", meaning: "success" },
  6: { kind: "failure", meaning: "an error occurred on the server" },
  9: { kind: "failure", meaning: "the synchronization key is invalid or doesn't match" },
  10: { kind: "failure", meaning: "the server considers the request incorrectly formatted" },
  11: { kind: "failure", meaning: "an unknown error occurred on the server" },
  12: { kind: "failure", meaning: "the server reported an unknown code" },
  101: { kind: "failure", meaning: "the server couldn't read the request's content (InvalidContent)" },
  102: { kind: "failure", meaning: "the server couldn't read the request's WBXML (InvalidWBXML)" },
  103: { kind: "failure", meaning: "the server couldn't read the request's XML (InvalidXML)" },
  108: { kind: "failure", meaning: "the server refused the device ID (DeviceIdMissingOrInvalid)" },
  109: { kind: "failure", meaning: "the server refused the device type (DeviceTypeMissingOrInvalid)" },
  110: { kind: "failure", meaning: "the server hit an error (ServerError): check the Exchange server's Application event log" },
  111: { kind: "failure", meaning: "the server can't process the request now (ServerErrorRetryLater): a mailbox move, a failover or an overloaded server" },
  112: { kind: "failure", meaning: "the server was denied access to Active Directory (ActiveDirectoryAccessDenied)" },
  113: { kind: "failure", meaning: "the mailbox is over its quota (MailboxQuotaExceeded)" },
  114: { kind: "failure", meaning: "the mailbox server is offline (MailboxServerOffline)" },
  123: { kind: "failure", meaning: "the user has no mailbox (UserHasNoMailbox)" },
  124: { kind: "failure", meaning: "the user can't be anonymous (UserCannotBeAnonymous)" },
  125: { kind: "failure", meaning: "the user wasn't found in Active Directory (UserPrincipalCouldNotBeFound)" },
  126: {
    kind: "failure",
    meaning: "the user account doesn't allow ActiveSync (UserDisabledForSync). Fix: Set-CASMailbox <user> -ActiveSyncEnabled $true",
  },
  127: { kind: "failure", meaning: "the mailbox is on a server version that can't sync with this one (UserOnNewMailboxCannotSync)" },
  128: { kind: "failure", meaning: "the mailbox is on a legacy server that can't sync through this one (UserOnLegacyMailboxCannotSync)" },
  129: {
    kind: "failure",
    meaning:
      "this device is blocked for this user (DeviceIsBlockedForThisUser): a device access rule, the user's blocked device list or the organization's default access level. Check Get-MobileDevice -Mailbox <user>, Get-ActiveSyncDeviceAccessRule and Get-ActiveSyncOrganizationSettings",
  },
  130: { kind: "failure", meaning: "the user or the device is denied access (AccessDenied)" },
  131: { kind: "failure", meaning: "the account is disabled (AccountDisabled)" },
  132: { kind: "failure", meaning: "the server's synchronization state for this device is missing (SyncStateNotFound)" },
  133: { kind: "failure", meaning: "the server's synchronization state for this device is locked (SyncStateLocked)" },
  134: { kind: "failure", meaning: "the server's synchronization state for this device is corrupt (SyncStateCorrupt)" },
  137: { kind: "failure", meaning: "the server doesn't support the FolderSync command (CommandNotSupported)" },
  138: { kind: "failure", meaning: "the server doesn't support FolderSync in this protocol version (VersionNotSupported)" },
  139: { kind: "failure", meaning: "the device can't fully apply the mailbox policy (DeviceNotFullyProvisionable)" },
  140: {
    kind: "provisioning",
    meaning: "a remote wipe is pending for this device ID (RemoteWipeRequested): a device learns of it through the Provision command",
  },
  141: { kind: "failure", meaning: "the mailbox policy doesn't allow legacy devices (LegacyDeviceOnStrictPolicy)" },
  142: { kind: "provisioning", meaning: "the device isn't provisioned (DeviceNotProvisioned)" },
  143: { kind: "provisioning", meaning: "the mailbox policy changed and the device must be provisioned again (PolicyRefresh)" },
  144: { kind: "provisioning", meaning: "the device's policy key is invalid (InvalidPolicyKey)" },
  145: { kind: "failure", meaning: "externally managed devices aren't allowed (ExternallyManagedDevicesNotAllowed)" },
  177: {
    kind: "failure",
    meaning:
      "the user has reached the maximum number of devices (MaximumDevicesReached). Remove old partnerships: Get-MobileDevice -Mailbox <user> | Remove-MobileDevice",
  },
};

export function folderSyncStatus(status: number): { kind: StatusKind; meaning: string } {
  return STATUSES[status] ?? { kind: "failure", meaning: `status ${status}, which the analyzer doesn't know` };
}
