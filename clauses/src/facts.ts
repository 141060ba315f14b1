/**
 * Key facts about a tender. Officers state them in the spec; clauses name them in
 * `appliesWhen` so the generator can include the right wording automatically.
 */
export const TENDER_FACTS = {
  processesPersonalData: 'The supplier will process personal data on the authority’s behalf.',
  specialCategoryData: 'The personal data includes special category data (for example health or care data).',
  sharesDataWithPartners: 'Data will be shared between the authority and other organisations.',
  connectedDevices: 'The solution includes connected devices or sensors in public places or homes.',
  publicFacingService: 'Residents or the public use the service directly (website, app or kiosk).',
  hostedBySupplier: 'The supplier hosts the system (software as a service or managed hosting).',
  assistiveTechnology: 'The contract provides or trials assistive technology for residents.',
  telecare: 'The service includes telecare or alarm devices that connect to a monitoring centre.',
  socialValueApplies: 'Social value is evaluated and managed in this contract.',
  publishesOpenData: 'The solution publishes data to the London Datastore or as open data.',
  hasLots: 'The procurement is divided into lots.',
  staffTransfer: 'Staff may transfer to or from the supplier under TUPE.',
  softwareDevelopment: 'The supplier develops or configures software for the authority.',
  servesChildrenOrAdultsAtRisk:
    'The supplier’s staff or systems come into contact with children or adults at risk, or hold data about them (for example social care case records).',
  usesAI:
    'The supplier may use artificial intelligence, including machine learning or generative AI, to deliver the services or process authority data.',
  jointProcurement:
    'Two or more authorities buy together and are named as parties to the contract (list them under tender.jointProcurement).',
  londonLivingWage:
    'The authority requires the London Living Wage for staff who work on the contract (for example as an accredited Living Wage employer).',
  carbonReductionPlan:
    'The authority asks bidders for a Carbon Reduction Plan and sets environmental terms, following the approach of PPN 006.',
} as const;

/** The name of a tender fact: one of {@link TENDER_FACTS}. */
export type TenderFact = keyof typeof TENDER_FACTS;
/** Every tender fact name, in the order {@link TENDER_FACTS} lists them. */
export const TENDER_FACT_NAMES = Object.keys(TENDER_FACTS) as TenderFact[];
/** The facts a spec states about a tender (true, false or not said), which decide the clauses that apply. */
export type TenderFacts = Partial<Record<TenderFact, boolean>>;
