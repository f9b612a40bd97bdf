import type { Group, Organization, SubscribedSku, User } from "@microsoft/microsoft-graph-types";
import { guidFrom, pick, seededRandom } from "../../kernel/random";

export const TENANT_ID = "8b3e1c4a-6f2d-4e5b-9a7c-1d2e3f4a5b6c";
export const TENANT_DOMAIN = "contoso.onmicrosoft.com";
export const VERIFIED_DOMAINS = ["contoso.com", "fabrikam.com", "o'brien.example"] as const;

const FIRST = [
  "Adele",
  "Alex",
  "Allan",
  "Diego",
  "Grady",
  "Henrietta",
  "Isaiah",
  "Johanna",
  "Joni",
  "Lee",
  "Lidia",
  "Lynne",
  "Megan",
  "Miriam",
  "Nestor",
  "Patti",
  "Pradeep",
  "Ann",
  "Ben",
  "Chen",
  "Fatima",
  "Sean",
  "Yuki",
  "Zoe",
];
const LAST = [
  "Vance",
  "Wilber",
  "Deyoung",
  "Zakharov",
  "Archie",
  "Mueller",
  "Langer",
  "Lauer",
  "Sherman",
  "Gu",
  "Holloway",
  "Robbins",
  "Bowen",
  "Graham",
  "Wilke",
  "Fernandez",
  "Gupta",
  "O'Brien",
  "Okafor",
  "Nakamura",
  "Silva",
  "Kowalski",
];
const DEPARTMENTS = ["Sales", "Marketing", "Engineering", "Finance", "Legal", "Operations", "Human Resources", "Retail"];
const COUNTRIES = [
  ["United States", "US"],
  ["United Kingdom", "GB"],
  ["Germany", "DE"],
  ["Japan", "JP"],
  ["Brazil", "BR"],
  ["India", "IN"],
] as const;
const TITLES = [
  "Sales Manager",
  "Marketing Assistant",
  "Developer",
  "Accountant",
  "Attorney",
  "Operations Lead",
  "HR Manager",
  "Retail Manager",
];

/** Real SKU ids and part numbers from Microsoft's licensing reference. */
export const SKUS = [
  {
    skuId: "6fd2c87f-b296-42f0-b197-1e91e994b900",
    skuPartNumber: "ENTERPRISEPACK",
    units: 250,
    plans: [
      ["efb87545-963c-4e0d-99df-69c6916d9eb0", "EXCHANGE_S_ENTERPRISE"],
      ["5dbe027f-2339-4123-9542-606e4d348a72", "SHAREPOINTENTERPRISE"],
      ["57ff2da0-773e-42df-b2af-ffb7a2317929", "TEAMS1"],
    ],
  },
  {
    skuId: "06ebc4ee-1bb5-47dd-8120-11324bc54e06",
    skuPartNumber: "SPE_E5",
    units: 50,
    plans: [
      ["efb87545-963c-4e0d-99df-69c6916d9eb0", "EXCHANGE_S_ENTERPRISE"],
      ["57ff2da0-773e-42df-b2af-ffb7a2317929", "TEAMS1"],
      ["41781fb2-bc02-4b7c-bd55-b576c07bb09d", "AAD_PREMIUM"],
    ],
  },
  {
    skuId: "efccb6f7-5641-4e0e-bd10-b4976e1bf68e",
    skuPartNumber: "EMS",
    units: 100,
    plans: [
      ["41781fb2-bc02-4b7c-bd55-b576c07bb09d", "AAD_PREMIUM"],
      ["c1ec4a95-1f05-45b3-a911-aa3fa01094f5", "INTUNE_A"],
    ],
  },
  {
    skuId: "f30db892-07e9-47e9-837c-80727f46fd3d",
    skuPartNumber: "FLOW_FREE",
    units: 10000,
    plans: [["50e68c76-46c6-4674-81f9-75456511b170", "FLOW_P2_VIRAL"]],
  },
  {
    skuId: "a403ebcc-fae0-4ca2-8c8c-7a907fd6c235",
    skuPartNumber: "POWER_BI_STANDARD",
    units: 1000000,
    plans: [["2049e525-b859-401b-b2a0-e0a31c4b1fe4", "BI_AZURE_P0"]],
  },
] as const;

export interface SeedOptions {
  userCount: number;
  groupCount: number;
  seed: number;
}

export interface SeededDirectory {
  users: User[];
  groups: Group[];
  /** groupId -> member object ids (users or groups). */
  members: Map<string, string[]>;
  /** userId -> manager's userId. */
  managers: Map<string, string>;
  skus: SubscribedSku[];
  organization: Organization;
}

function isoDay(random: () => number, fromYear: number): string {
  const start = Date.UTC(fromYear, 0, 1);
  const span = Date.UTC(2026, 0, 1) - start;
  return `${new Date(start + Math.floor(random() * span)).toISOString().slice(0, 19)}Z`;
}

function makeUser(random: () => number, index: number): User {
  const first = pick(random, FIRST);
  const last = pick(random, LAST);
  const isGuest = index > 0 && index % 25 === 0;
  const domain = index % 7 === 3 ? VERIFIED_DOMAINS[1] : index % 31 === 5 ? VERIFIED_DOMAINS[2] : VERIFIED_DOMAINS[0];
  const alias = `${first}.${last}${index}`.toLowerCase().replace(/[^a-z0-9.']/g, "");
  const [country, usageLocation] = pick(random, COUNTRIES);
  const department = pick(random, DEPARTMENTS);
  const upn = isGuest ? `${alias}_partner.example#EXT#@${TENANT_DOMAIN}` : `${alias}@${domain}`;
  const hasMail = index % 9 !== 4;
  const synced = index % 4 === 0;
  return {
    id: guidFrom(random),
    displayName: `${first} ${last}`,
    givenName: first,
    surname: last,
    userPrincipalName: upn,
    mail: hasMail ? (isGuest ? `${alias}@partner.example` : `${alias}@${domain}`) : null,
    mailNickname: alias.replace(/'/g, ""),
    accountEnabled: index % 13 !== 7,
    userType: isGuest ? "Guest" : "Member",
    jobTitle: isGuest ? null : (TITLES[DEPARTMENTS.indexOf(department)] ?? null),
    department: isGuest ? null : department,
    officeLocation: isGuest ? null : `${Math.floor(random() * 40) + 1}/${Math.floor(random() * 3000) + 1000}`,
    businessPhones: isGuest ? [] : [`+1 425 555 ${String(1000 + (index % 9000)).padStart(4, "0")}`],
    mobilePhone: null,
    preferredLanguage: "en-US",
    country: isGuest ? null : country,
    usageLocation: isGuest || index % 17 === 11 ? null : usageLocation,
    createdDateTime: isoDay(random, 2019),
    onPremisesImmutableId: synced ? Buffer.from(guidFrom(random)).toString("base64").slice(0, 24) : null,
    onPremisesLastSyncDateTime: synced ? isoDay(random, 2025) : null,
    onPremisesSyncEnabled: synced ? true : null,
    assignedLicenses: [],
    assignedPlans: [],
  };
}

/** A deterministic directory of the requested size: users, groups, memberships, managers and licences. */
export function seedDirectory(options: SeedOptions): SeededDirectory {
  const random = seededRandom(options.seed);
  const users: User[] = [];
  for (let i = 0; i < options.userCount; i++) users.push(makeUser(random, i));

  const consumed = new Map<string, number>();
  users.forEach((user, i) => {
    if (user.userType === "Guest" || !user.usageLocation) return;
    const sku = SKUS[i % 3 === 0 ? 1 : 0];
    if ((consumed.get(sku.skuId) ?? 0) >= sku.units) return;
    consumed.set(sku.skuId, (consumed.get(sku.skuId) ?? 0) + 1);
    user.assignedLicenses = [{ skuId: sku.skuId, disabledPlans: [] }];
  });

  const managers = new Map<string, string>();
  users.forEach((user, i) => {
    if (i >= 5 && user.userType === "Member") managers.set(user.id as string, users[i % 5]?.id as string);
  });

  // Each department's first 200 users, found in one pass (groups are seeded from them).
  const byDepartment = new Map<string, string[]>();
  for (const user of users) {
    if (!user.department) continue;
    const list = byDepartment.get(user.department) ?? [];
    if (list.length < 200) list.push(user.id as string);
    byDepartment.set(user.department, list);
  }
  const groups: Group[] = [];
  const members = new Map<string, string[]>();
  for (let g = 0; g < options.groupCount; g++) {
    const department = DEPARTMENTS[g % DEPARTMENTS.length];
    const unified = g % 2 === 0;
    const name = g < DEPARTMENTS.length ? department : `${department} Team ${g}`;
    const nickname = name.toLowerCase().replace(/[^a-z0-9]/g, "");
    const group: Group = {
      id: guidFrom(random),
      displayName: name,
      description: `${name} ${unified ? "Microsoft 365 group" : "security group"}`,
      mail: unified ? `${nickname}@${VERIFIED_DOMAINS[0]}` : null,
      mailEnabled: unified,
      mailNickname: nickname,
      securityEnabled: !unified,
      groupTypes: unified ? ["Unified"] : [],
      visibility: unified ? "Public" : null,
      createdDateTime: isoDay(random, 2020),
    };
    groups.push(group);
    members.set(group.id as string, [...(byDepartment.get(department) ?? [])]);
  }
  // One nested group so transitive membership differs from direct membership.
  if (groups.length >= 2) members.get(groups[1]?.id as string)?.push(groups[0]?.id as string);

  const skus: SubscribedSku[] = SKUS.map((sku) => ({
    id: `${TENANT_ID}_${sku.skuId}`,
    accountId: TENANT_ID,
    accountName: "Contoso",
    appliesTo: "User",
    capabilityStatus: "Enabled",
    consumedUnits: consumed.get(sku.skuId) ?? 0,
    skuId: sku.skuId,
    skuPartNumber: sku.skuPartNumber,
    subscriptionIds: [guidFrom(random)],
    prepaidUnits: { enabled: sku.units, suspended: 0, warning: 0, lockedOut: 0 },
    servicePlans: sku.plans.map(([servicePlanId, servicePlanName]) => ({
      servicePlanId,
      servicePlanName,
      provisioningStatus: "Success",
      appliesTo: "User",
    })),
  }));

  const organization: Organization = {
    id: TENANT_ID,
    displayName: "Contoso",
    tenantType: "AAD",
    countryLetterCode: "US",
    city: "Redmond",
    state: "WA",
    street: "One Microsoft Way",
    postalCode: "98052",
    preferredLanguage: "en",
    createdDateTime: "2019-03-14T16:40:00Z",
    businessPhones: ["+1 425 555 0100"],
    technicalNotificationMails: [`admin@${VERIFIED_DOMAINS[0]}`],
    verifiedDomains: [
      { name: TENANT_DOMAIN, isDefault: false, isInitial: true, type: "Managed", capabilities: "Email, OfficeCommunicationsOnline" },
      ...VERIFIED_DOMAINS.map((name, i) => ({ name, isDefault: i === 0, isInitial: false, type: "Managed", capabilities: "Email" })),
    ],
    assignedPlans: [],
    provisionedPlans: [],
  };

  return { users, groups, members, managers, skus, organization };
}
