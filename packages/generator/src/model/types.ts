/**
 * The document model: the contract between assembly and every renderer. It is plain,
 * JSON-serialisable data with all numbering and cross-reference text already worked
 * out, so the DOCX, HTML and Markdown outputs cannot disagree.
 */

/** Inline content. Text is already sanitised: no characters XML forbids, no tabs or newlines. */
export type DocInline =
  | {
      readonly type: 'text';
      readonly text: string;
      readonly bold?: boolean;
      readonly italic?: boolean;
      /** The ISO date (YYYY-MM-DD or YYYY-MM-DDTHH:MM) the text states, for formats that can mark it (HTML <time>). */
      readonly datetime?: string;
    }
  | { readonly type: 'link'; readonly url: string; readonly text: string }
  /** A cross-reference to a numbered item in this document, e.g. "clause 7.3". */
  | { readonly type: 'ref'; readonly anchor: string; readonly text: string };

/** A block of the document model: a paragraph, a numbered sub-clause, a bullet list, a table, a drafting note or a definition. */
export type DocBlock =
  | { readonly type: 'paragraph'; readonly content: readonly DocInline[] }
  /** A numbered sub-clause, e.g. 7.3.2, or (a) inside one. */
  | {
      readonly type: 'numbered';
      readonly number: string;
      /** 2 for 7.3.2, 3 for (a) under it. */
      readonly level: 2 | 3;
      readonly content: readonly DocInline[];
      readonly children: readonly DocBlock[];
    }
  | { readonly type: 'bullets'; readonly items: readonly (readonly DocBlock[])[] }
  | { readonly type: 'table'; readonly table: DocTable }
  /** A drafting note for officers; renderers make it visibly distinct and easy to remove. */
  | { readonly type: 'note'; readonly title: string; readonly blocks: readonly DocBlock[] }
  /** A term and its definition, in the definitions section. */
  | { readonly type: 'definition'; readonly term: string; readonly content: readonly DocInline[] };

/** A table of the document model: a caption, columns with their headers and widths, and rows of inline cells. */
export interface DocTable {
  readonly caption: string;
  /** Widths are percentages of the text width and add up to 100. */
  readonly columns: readonly { readonly header: string; readonly width: number }[];
  /** Each cell is inline content; rows never contain block content. */
  readonly rows: readonly (readonly (readonly DocInline[])[])[];
}

/** A numbered clause: heading "7.3 Title" with its wording. */
export interface DocClause {
  readonly type: 'clause';
  readonly anchor: string;
  readonly number: string;
  readonly title: string;
  readonly clauseId: string;
  readonly version: string;
  readonly blocks: readonly DocBlock[];
  /** Guidance for officers, present only when the spec asks for drafting notes. */
  readonly guidance?: readonly DocBlock[];
  /** The lots the clause applies to, when not every lot; its wording starts by saying so. */
  readonly lots?: readonly string[];
}

/** The kind of a document section: introduction, timetable, requirements, evaluation, instructions, documents, definitions, terms or an appendix. */
export type SectionKind =
  | 'introduction'
  | 'timetable'
  | 'requirements'
  | 'evaluation'
  | 'instructions'
  | 'documents'
  | 'definitions'
  | 'terms'
  | 'appendix';

/** A section of the document: its title, kind and blocks. */
export interface DocSection {
  readonly kind: SectionKind;
  readonly anchor: string;
  /** "1", "2" … for numbered sections, "A", "B" … for appendices. */
  readonly number: string;
  readonly title: string;
  /** Body before any clauses (introductions, tables). */
  readonly blocks: readonly DocBlock[];
  readonly clauses: readonly DocClause[];
}

/** The authority's branding: accent colour, font and logo. */
export interface Branding {
  /** Accent colour as six hex digits, no #. */
  readonly accentColour: string;
  readonly font: string;
  readonly logo?: {
    /** Base64 of the image bytes, so the model stays JSON. */
    readonly base64: string;
    readonly mediaType: 'image/png' | 'image/jpeg';
    readonly altText: string;
    readonly widthPx: number;
    readonly heightPx: number;
  };
}

/** Why a clause is in the document: a profile, a fact, the procedure or the spec's own list. */
export type InclusionReason =
  | { readonly kind: 'explicit' }
  | { readonly kind: 'profile'; readonly profile: string }
  /** `implied`: facts the spec did not state but its content implies (hasLots when lots are listed). */
  | { readonly kind: 'fact'; readonly facts: readonly string[]; readonly implied?: readonly string[] }
  /** Wording chosen for the procedure (and the value against the threshold). */
  | { readonly kind: 'procedure'; readonly procedure: string }
  | { readonly kind: 'always' }
  | { readonly kind: 'dependency'; readonly from: string };

/** One clause in the manifest: id, version, hash, number in the document and why it is included. */
export interface ManifestEntry {
  readonly id: string;
  readonly version: string;
  readonly hash: string;
  readonly number: string;
  readonly reasons: readonly InclusionReason[];
}

/** A clause the spec excluded, and the reason it gave. */
export interface ExcludedClause {
  readonly id: string;
  readonly reason: string;
}

/** The clause manifest a document carries: which clause versions it holds, from which spec and generator. */
export interface DocumentManifest {
  readonly generator: string;
  readonly clausesPackageVersion: string;
  readonly specReference: string;
  /** `sha256:` of the spec's source text (and its includes'); see specSourceHash. Absent in documents from before 0.1.0. */
  readonly specHash?: string;
  readonly clauses: readonly ManifestEntry[];
  readonly excluded: readonly ExcludedClause[];
  /** Ids of references (laws, policies) the included wording cites. */
  readonly references: readonly string[];
}

/** The document model: everything a renderer shows (cover, sections, numbered clauses, key dates, pack, manifest). */
export interface TenderDocument {
  readonly meta: {
    readonly title: string;
    readonly reference: string;
    readonly subject: string;
    readonly description: string;
    readonly keywords: readonly string[];
    readonly creator: string;
    readonly language: string;
    readonly classification?: string;
    /** ISO date: the document's issue date, also used for its core dates. */
    readonly issueDate: string;
    readonly showGuidance: boolean;
    /** A draft carries a visible DRAFT mark on the cover and in page headers; a final document has none. */
    readonly status: 'draft' | 'final';
    readonly branding: Branding;
  };
  readonly cover: {
    /** What the document is, e.g. "Invitation to Tender", shown above the title. */
    readonly documentType: string;
    readonly authority: string;
    readonly title: string;
    readonly reference: string;
    readonly procedure: string;
    readonly facts: readonly { readonly label: string; readonly value: string }[];
    /**
     * Full-width blocks after the facts, rendered like body blocks: the key-dates table ("Key dates", milestone and
     * date columns), absent when the timetable has none of the key milestones. Assembly builds it so every format
     * shows the same table.
     */
    readonly blocks: readonly DocBlock[];
    readonly classification?: string;
  };
  readonly sections: readonly DocSection[];
  readonly manifest: DocumentManifest;
  /** What the other documents of the tender pack show; absent in models made before the pack existed. */
  readonly pack?: PackModel;
  /** The tender's facts as data (see TenderData); absent in models made by other tools. */
  readonly data?: TenderData;
}

/**
 * The tender pack: everything the response form, pricing schedule, evaluation workbook, form of tender and
 * commercially sensitive information form show, worked out at assembly so those renderers are functions of the
 * model alone. Text is sanitised; numbers are plain numbers.
 */
export interface PackModel {
  /** The files of the pack, in order, as the invitation's "Tender documents" section lists them. */
  readonly files: readonly PackFile[];
  readonly authority: {
    readonly name: string;
    /** How the text names the authority, e.g. "the Council". */
    readonly shortName: string;
    readonly address?: string;
    readonly contact?: string;
  };
  readonly tender: {
    readonly title: string;
    readonly reference: string;
    /** "open procedure" and so on, as words. */
    readonly procedure: string;
    /**
     * True when the Procurement Regulations 2024 (regulation 6) ask Bidders to share core supplier information
     * through the central digital platform: every procedure here except below-threshold.
     */
    readonly centralDigitalPlatform: boolean;
    readonly portal?: string;
    /** Formatted for people; absent when the timetable has no submission deadline. */
    readonly submissionDeadline?: string;
    readonly currency: 'GBP' | 'EUR';
    /** Initial contract length in months; absent when the spec gives none. */
    readonly contractMonths?: number;
    readonly extensionMonths: readonly number[];
  };
  /** The lots; empty when the tender is not divided into lots. */
  readonly lots: readonly { readonly id: string; readonly title: string }[];
  /** Every criterion and sub-criterion, depth first, in the spec's order. */
  readonly criteria: readonly PackCriterion[];
  /** The quality scoring scale, lowest score first. */
  readonly scale: readonly { readonly score: number; readonly label: string; readonly meaning: string }[];
  readonly price: {
    readonly formula: 'lowest-price-ratio' | 'difference-from-lowest';
    /** How price is scored, in words (the spec's priceMethod, or the formula described). */
    readonly description: string;
    /** The overall weight, in per cent, of the price criteria (0 when none). */
    readonly weight: number;
  };
  /** Every requirement with the lots it belongs to (every lot when the requirement names none). */
  readonly requirements: readonly {
    readonly id: string;
    readonly text: string;
    readonly priority: 'must' | 'should' | 'could';
    readonly lots: readonly string[];
  }[];
  readonly pricing: {
    /** Per cent. */
    readonly vatRate: number;
    readonly items: readonly {
      readonly id: string;
      readonly description: string;
      readonly unit: string;
      readonly quantity: number;
      /** Recurs in each extension, pro rata; false for one-off costs. */
      readonly recurring: boolean;
      /** Absent: the item is priced in every lot. */
      readonly lot?: string;
    }[];
  };
  readonly evaluators: number;
  readonly bidderSlots: number;
}

/** One file of the tender pack: its part id, file name and title. */
export interface PackFile {
  /** A part id from PACK_PARTS, e.g. response-form. */
  readonly id: string;
  readonly fileName: string;
  readonly title: string;
  readonly purpose: string;
}

/** An evaluation criterion as the pack's forms and workbooks show it: number, name, kind, weight and overall weight. */
export interface PackCriterion {
  /** "1", "1.2" … as in the invitation's evaluation table. */
  readonly number: string;
  readonly name: string;
  readonly kind: 'quality' | 'price' | 'social-value';
  /** The weight within its parent, in per cent. */
  readonly weight: number;
  /** The share of the whole evaluation, in per cent. */
  readonly overallWeight: number;
  /** The parent criterion's name, for sub-criteria. */
  readonly parent?: string;
  /** True when it has sub-criteria (it is scored through them, not on its own). */
  readonly hasSubcriteria: boolean;
  /** The question Bidders answer; a default is written when the spec gives none. Empty for price criteria. */
  readonly question: string;
  readonly wordLimit?: number;
  readonly pageLimit?: number;
  /** What a good answer covers. */
  readonly guidance: string;
}

/**
 * The tender's facts as data, for the open-data outputs (OCDS release, contracts-register row): what the spec says,
 * typed, rather than the sentences the document makes of it. Kept in one block so the model stays JSON and other
 * renderers can ignore it.
 */
export interface TenderData {
  readonly buyer: {
    readonly name: string;
    readonly department?: string;
    readonly address?: string;
    readonly contact?: { readonly name?: string; readonly email?: string };
  };
  /** The spec's procedure key: open, competitive-flexible, below-threshold or framework-competition. */
  readonly procedure: string;
  readonly background?: string;
  readonly cpv?: string;
  readonly estimatedValue?: {
    readonly amount: number;
    readonly currency: string;
    readonly includesVat: boolean;
  };
  readonly contract?: { readonly lengthMonths: number; readonly extensionMonths: readonly number[] };
  readonly lots: readonly {
    readonly id: string;
    readonly title: string;
    readonly description?: string;
    readonly estimatedValue?: number;
  }[];
  /** Every milestone: its kind (the spec's vocabulary), its label and ISO date (with time when given). */
  readonly timetable: readonly { readonly kind: string; readonly label: string; readonly date: string }[];
  readonly criteria: readonly DataCriterion[];
  readonly priceMethod?: string;
  /** The OCDS ocid prefix the spec sets (document.ocidPrefix), if any. */
  readonly ocidPrefix?: string;
}

/** An evaluation criterion as the open data (OCDS) describes it: name, kind and weight. */
export interface DataCriterion {
  readonly name: string;
  readonly kind?: 'quality' | 'price' | 'social-value';
  readonly weight: number;
  readonly subcriteria: readonly DataCriterion[];
}
