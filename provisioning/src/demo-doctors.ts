// Demo and benchmark directory data: specialties, clinics and doctors with realistic Indian
// names, places, councils and fees. Everything comes from a seeded PRNG, so the same tenant
// always gets the same doctors and a re-run of the seed is a no-op (imports are by slug).
import type { DirectorySeed } from "@visitnow/platform";
// demo-seed.ts imports this module too; DEMO_USERS is only read inside functions, so the cycle is safe.
import { DEMO_USERS } from "./demo-seed.js";

type SeedSpecialty = DirectorySeed["specialties"][number];
type SeedClinic = DirectorySeed["clinics"][number];
type SeedDoctor = DirectorySeed["doctors"][number];
type Gender = SeedDoctor["gender"];

export const DEMO_TIME_ZONE = "Asia/Kolkata";

// ---------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------

/** A small seeded PRNG (mulberry32 over an FNV-1a hash of the seed); never Math.random. */
export function createRng(seed: string | number): Rng {
  let h = 2166136261;
  for (const ch of String(seed)) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 16777619);
  }
  let a = h >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (!items.length) throw new Error("pick from an empty list");
    return items[Math.floor(next() * items.length)] as T;
  };
  const weighted = <T>(items: readonly (readonly [T, number])[]): T => {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1]![0];
  };
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  const sample = <T>(items: readonly T[], n: number): T[] => shuffle(items).slice(0, Math.max(0, Math.min(n, items.length)));
  return { next, int, pick, weighted, shuffle, sample, chance: (p: number) => next() < p };
}

export interface Rng {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  shuffle<T>(items: readonly T[]): T[];
  sample<T>(items: readonly T[], n: number): T[];
  chance(p: number): boolean;
}

// ---------------------------------------------------------------------------
// Specialties
// ---------------------------------------------------------------------------

export interface SpecialtyInfo {
  slug: string;
  name: string;
  description: string;
  synonyms: string[];
  conditions: string[];
  /** What a doctor of this specialty is called in a bio ("a dermatologist"). */
  noun: string;
  /** Alternative degree sets; dentists hold BDS/MDS, everyone else MBBS first. */
  qualifications: string[][];
  /** Fee range in whole rupees, junior to senior. */
  feeRupees: [number, number];
  /** Share of doctors who also consult by video. */
  videoShare: number;
  /** Suffix of an independent doctor's own clinic ("Skin Clinic"). */
  clinicWord: string;
  /** Specialties a doctor of this one may also list. */
  related: string[];
  /** How common the specialty is among doctors (weights the mix). */
  weight: number;
}

/** The specialty catalogue every demo tenant draws from. */
export const SPECIALTY_CATALOGUE: SpecialtyInfo[] = [
  {
    slug: "general-medicine",
    name: "General Physician",
    description: "First point of care for fevers, infections, diabetes, blood pressure and routine check-ups.",
    synonyms: ["family doctor", "gp", "general practitioner", "fever", "physician", "general medicine", "internal medicine"],
    conditions: ["fever", "diabetes", "hypertension", "thyroid disorders", "viral infections", "typhoid", "dengue", "cough and cold", "anaemia", "health check-up"],
    noun: "general physician",
    qualifications: [["MBBS"], ["MBBS", "MD (General Medicine)"], ["MBBS", "DNB (General Medicine)"]],
    feeRupees: [300, 900],
    videoShare: 0.5,
    clinicWord: "Family Clinic",
    related: ["endocrinology", "pulmonology"],
    weight: 14,
  },
  {
    slug: "cardiology",
    name: "Cardiology",
    description: "Diagnosis and treatment of heart and blood vessel disease.",
    synonyms: ["cardiologist", "heart doctor", "heart specialist", "heart"],
    conditions: ["chest pain", "hypertension", "heart failure", "coronary artery disease", "arrhythmia", "palpitations", "high cholesterol", "angioplasty follow-up"],
    noun: "cardiologist",
    qualifications: [
      ["MBBS", "MD (General Medicine)", "DM (Cardiology)"],
      ["MBBS", "DNB (General Medicine)", "DNB (Cardiology)"],
    ],
    feeRupees: [800, 2000],
    videoShare: 0.35,
    clinicWord: "Heart Clinic",
    related: ["general-medicine"],
    weight: 7,
  },
  {
    slug: "dermatology",
    name: "Dermatology",
    description: "Skin, hair and nail conditions, including cosmetic dermatology.",
    synonyms: ["dermatologist", "skin doctor", "skin specialist", "hair fall", "skin", "cosmetologist"],
    conditions: ["acne", "eczema", "psoriasis", "hair fall", "vitiligo", "fungal infections", "pigmentation", "dandruff", "urticaria"],
    noun: "dermatologist",
    qualifications: [
      ["MBBS", "MD (Dermatology, Venereology and Leprosy)"],
      ["MBBS", "DNB (Dermatology, Venereology and Leprosy)"],
      ["MBBS", "DDVL"],
    ],
    feeRupees: [500, 1500],
    videoShare: 0.55,
    clinicWord: "Skin Clinic",
    related: [],
    weight: 9,
  },
  {
    slug: "paediatrics",
    name: "Paediatrics",
    description: "Care of newborns, infants, children and adolescents, including vaccinations.",
    synonyms: ["pediatrics", "pediatrician", "paediatrician", "child doctor", "child specialist", "baby doctor"],
    conditions: ["vaccination", "newborn care", "child fever", "growth and development", "childhood asthma", "diarrhoea", "nutrition"],
    noun: "paediatrician",
    qualifications: [["MBBS", "MD (Paediatrics)"], ["MBBS", "DCH"], ["MBBS", "DNB (Paediatrics)"]],
    feeRupees: [400, 1200],
    videoShare: 0.4,
    clinicWord: "Child Care Clinic",
    related: [],
    weight: 10,
  },
  {
    slug: "obstetrics-gynaecology",
    name: "Obstetrics & Gynaecology",
    description: "Pregnancy, childbirth and women's reproductive health.",
    synonyms: ["gynaecologist", "gynecologist", "obgyn", "ob-gyn", "obstetrician", "pregnancy", "women's health", "gynaecology"],
    conditions: ["pregnancy care", "PCOS", "infertility", "irregular periods", "menopause", "high-risk pregnancy", "contraception", "fibroids"],
    noun: "obstetrician and gynaecologist",
    qualifications: [
      ["MBBS", "MS (Obstetrics and Gynaecology)"],
      ["MBBS", "MD (Obstetrics and Gynaecology)"],
      ["MBBS", "DGO"],
      ["MBBS", "DNB (Obstetrics and Gynaecology)"],
    ],
    feeRupees: [500, 1500],
    videoShare: 0.35,
    clinicWord: "Women's Clinic",
    related: [],
    weight: 10,
  },
  {
    slug: "orthopaedics",
    name: "Orthopaedics",
    description: "Bones, joints, ligaments and spine, from fractures to joint replacement.",
    synonyms: ["orthopedic", "orthopaedic", "orthopedics", "orthopaedician", "bone doctor", "bone specialist", "joint pain"],
    conditions: ["joint pain", "knee replacement", "back pain", "fractures", "arthritis", "sports injuries", "frozen shoulder", "osteoporosis"],
    noun: "orthopaedic surgeon",
    qualifications: [["MBBS", "MS (Orthopaedics)"], ["MBBS", "DNB (Orthopaedics)"], ["MBBS", "D.Ortho"]],
    feeRupees: [600, 1600],
    videoShare: 0.25,
    clinicWord: "Bone & Joint Clinic",
    related: [],
    weight: 8,
  },
  {
    slug: "ent",
    name: "ENT",
    description: "Ear, nose and throat conditions, including hearing and sinus problems.",
    synonyms: ["ear nose throat", "ent specialist", "otolaryngologist", "ear doctor", "ent doctor"],
    conditions: ["sinusitis", "tonsillitis", "ear infection", "hearing loss", "vertigo", "snoring", "nasal polyps"],
    noun: "ENT surgeon",
    qualifications: [["MBBS", "MS (ENT)"], ["MBBS", "DLO"], ["MBBS", "DNB (ENT)"]],
    feeRupees: [400, 1200],
    videoShare: 0.25,
    clinicWord: "ENT Clinic",
    related: [],
    weight: 6,
  },
  {
    slug: "ophthalmology",
    name: "Ophthalmology",
    description: "Eye examinations, vision correction and eye surgery.",
    synonyms: ["eye doctor", "eye specialist", "ophthalmologist", "eye"],
    conditions: ["cataract", "glaucoma", "refractive error", "dry eyes", "diabetic retinopathy", "conjunctivitis", "squint"],
    noun: "ophthalmologist",
    qualifications: [["MBBS", "MS (Ophthalmology)"], ["MBBS", "DOMS"], ["MBBS", "DNB (Ophthalmology)"]],
    feeRupees: [400, 1200],
    videoShare: 0.2,
    clinicWord: "Eye Clinic",
    related: [],
    weight: 6,
  },
  {
    slug: "psychiatry",
    name: "Psychiatry",
    description: "Mental health: mood, anxiety, sleep and addiction.",
    synonyms: ["psychiatrist", "mental health", "depression doctor", "counselling"],
    conditions: ["depression", "anxiety", "insomnia", "bipolar disorder", "OCD", "addiction", "stress"],
    noun: "psychiatrist",
    qualifications: [["MBBS", "MD (Psychiatry)"], ["MBBS", "DPM"], ["MBBS", "DNB (Psychiatry)"]],
    feeRupees: [800, 2000],
    videoShare: 0.75,
    clinicWord: "Mind Clinic",
    related: [],
    weight: 4,
  },
  {
    slug: "neurology",
    name: "Neurology",
    description: "Brain, spinal cord and nerve disorders.",
    synonyms: ["neurologist", "brain", "nerve", "brain specialist", "nerve specialist"],
    conditions: ["migraine", "epilepsy", "stroke", "Parkinson's disease", "headache", "neuropathy", "memory loss"],
    noun: "neurologist",
    qualifications: [
      ["MBBS", "MD (General Medicine)", "DM (Neurology)"],
      ["MBBS", "DNB (General Medicine)", "DNB (Neurology)"],
    ],
    feeRupees: [800, 2000],
    videoShare: 0.4,
    clinicWord: "Neuro Clinic",
    related: [],
    weight: 4,
  },
  {
    slug: "dentistry",
    name: "Dentistry",
    description: "Teeth and gums: fillings, root canals, braces, implants and cleaning.",
    synonyms: ["dentist", "tooth", "teeth", "dental", "dental surgeon", "tooth doctor"],
    conditions: ["tooth pain", "root canal", "braces", "dental implants", "gum disease", "teeth cleaning", "wisdom tooth"],
    noun: "dental surgeon",
    qualifications: [
      ["BDS"],
      ["BDS", "MDS (Orthodontics)"],
      ["BDS", "MDS (Conservative Dentistry and Endodontics)"],
      ["BDS", "MDS (Prosthodontics)"],
      ["BDS", "MDS (Periodontics)"],
      ["BDS", "MDS (Oral and Maxillofacial Surgery)"],
    ],
    feeRupees: [300, 800],
    videoShare: 0.05,
    clinicWord: "Dental Care",
    related: [],
    weight: 8,
  },
  {
    slug: "gastroenterology",
    name: "Gastroenterology",
    description: "Stomach, intestines, liver and digestion.",
    synonyms: ["stomach", "digestion", "gastroenterologist", "stomach specialist", "liver doctor", "gastro"],
    conditions: ["acidity", "GERD", "IBS", "fatty liver", "constipation", "hepatitis", "gastritis", "endoscopy"],
    noun: "gastroenterologist",
    qualifications: [
      ["MBBS", "MD (General Medicine)", "DM (Gastroenterology)"],
      ["MBBS", "DNB (General Medicine)", "DNB (Gastroenterology)"],
    ],
    feeRupees: [700, 1800],
    videoShare: 0.35,
    clinicWord: "Gastro Clinic",
    related: ["general-medicine"],
    weight: 4,
  },
  {
    slug: "endocrinology",
    name: "Endocrinology",
    description: "Diabetes, thyroid and other hormone disorders.",
    synonyms: ["diabetes doctor", "diabetologist", "thyroid", "endocrinologist", "thyroid specialist", "hormone specialist"],
    conditions: ["diabetes", "thyroid disorders", "PCOS", "obesity", "osteoporosis", "hormonal imbalance"],
    noun: "endocrinologist",
    qualifications: [
      ["MBBS", "MD (General Medicine)", "DM (Endocrinology)"],
      ["MBBS", "DNB (General Medicine)", "DNB (Endocrinology)"],
    ],
    feeRupees: [700, 1800],
    videoShare: 0.6,
    clinicWord: "Diabetes & Thyroid Clinic",
    related: ["general-medicine"],
    weight: 4,
  },
  {
    slug: "pulmonology",
    name: "Pulmonology",
    description: "Lungs and breathing: asthma, COPD, TB and sleep apnoea.",
    synonyms: ["chest physician", "lung doctor", "asthma", "pulmonologist", "lung specialist", "chest specialist"],
    conditions: ["asthma", "COPD", "tuberculosis", "chronic cough", "sleep apnoea", "pneumonia", "allergies"],
    noun: "pulmonologist",
    qualifications: [["MBBS", "MD (Pulmonary Medicine)"], ["MBBS", "DTCD"], ["MBBS", "DNB (Respiratory Diseases)"]],
    feeRupees: [600, 1500],
    videoShare: 0.4,
    clinicWord: "Chest Clinic",
    related: ["general-medicine"],
    weight: 4,
  },
  {
    slug: "urology",
    name: "Urology",
    description: "Kidney stones, prostate and urinary tract conditions.",
    synonyms: ["urologist", "kidney stone", "prostate", "urinary problem"],
    conditions: ["kidney stones", "prostate enlargement", "urinary tract infection", "urinary incontinence", "male infertility"],
    noun: "urologist",
    qualifications: [
      ["MBBS", "MS (General Surgery)", "MCh (Urology)"],
      ["MBBS", "DNB (General Surgery)", "DNB (Urology)"],
    ],
    feeRupees: [700, 1800],
    videoShare: 0.2,
    clinicWord: "Urology Clinic",
    related: [],
    weight: 3,
  },
  {
    slug: "nephrology",
    name: "Nephrology",
    description: "Kidney disease, dialysis and kidney transplant care.",
    synonyms: ["nephrologist", "kidney doctor", "kidney specialist", "dialysis"],
    conditions: ["chronic kidney disease", "dialysis", "kidney stones", "proteinuria", "kidney transplant", "hypertension"],
    noun: "nephrologist",
    qualifications: [
      ["MBBS", "MD (General Medicine)", "DM (Nephrology)"],
      ["MBBS", "DNB (General Medicine)", "DNB (Nephrology)"],
    ],
    feeRupees: [800, 1800],
    videoShare: 0.3,
    clinicWord: "Kidney Clinic",
    related: ["general-medicine"],
    weight: 3,
  },
  {
    slug: "general-surgery",
    name: "General Surgery",
    description: "Hernia, gall bladder, appendix and other abdominal surgery, often laparoscopic.",
    synonyms: ["surgeon", "general surgeon", "laparoscopic surgeon", "hernia"],
    conditions: ["hernia", "appendicitis", "gallstones", "piles", "fissure", "laparoscopic surgery", "varicose veins"],
    noun: "general and laparoscopic surgeon",
    qualifications: [["MBBS", "MS (General Surgery)"], ["MBBS", "DNB (General Surgery)"]],
    feeRupees: [500, 1400],
    videoShare: 0.15,
    clinicWord: "Surgical Clinic",
    related: [],
    weight: 5,
  },
];

const SPECIALTY_BY_SLUG = new Map(SPECIALTY_CATALOGUE.map((s) => [s.slug, s]));

function specialty(slug: string): SpecialtyInfo {
  const s = SPECIALTY_BY_SLUG.get(slug);
  if (!s) throw new Error(`unknown specialty ${slug}`);
  return s;
}

// ---------------------------------------------------------------------------
// People: names by region, so first name, surname and mother tongue agree
// ---------------------------------------------------------------------------

interface NameGroup {
  language: string;
  female: string[];
  male: string[];
  surnames: string[];
}

const NAME_GROUPS = {
  kannada: {
    language: "Kannada",
    female: ["Asha", "Kavya", "Sowmya", "Rashmi", "Bhavana", "Shwetha", "Pallavi", "Vidya", "Deepa", "Nandini"],
    male: ["Prakash", "Girish", "Santosh", "Naveen", "Raghavendra", "Manjunath", "Sudeep", "Harsha", "Vinay", "Shashank"],
    surnames: ["Rao", "Shetty", "Hegde", "Kamath", "Gowda", "Bhat", "Prasad", "Murthy", "Acharya", "Pai", "Shenoy"],
  },
  tamil: {
    language: "Tamil",
    female: ["Lakshmi", "Revathi", "Kavitha", "Harini", "Nithya", "Priya", "Meenakshi", "Janani", "Gayathri", "Aishwarya"],
    male: ["Karthik", "Senthil", "Saravanan", "Balaji", "Murugan", "Arvind", "Dinesh", "Vignesh", "Ramesh", "Sundar"],
    surnames: ["Iyer", "Iyengar", "Subramanian", "Krishnan", "Raman", "Sundaram", "Natarajan", "Venkataraman", "Chandrasekhar", "Rajan", "Balasubramanian"],
  },
  telugu: {
    language: "Telugu",
    female: ["Sravani", "Anusha", "Swathi", "Madhavi", "Sirisha", "Haritha", "Bhargavi", "Keerthi", "Sahithi", "Padmaja"],
    male: ["Srinivas", "Venkatesh", "Ravi", "Suresh", "Mahesh", "Chaitanya", "Praveen", "Sai", "Rakesh", "Kishore"],
    surnames: ["Reddy", "Naidu", "Chowdary", "Varma", "Raju", "Sastry", "Kondapalli", "Gollapudi", "Nallapati", "Vemula"],
  },
  malayali: {
    language: "Malayalam",
    female: ["Anjali", "Sreeja", "Divya", "Lekha", "Aswathy", "Neethu", "Parvathy", "Sreelakshmi"],
    male: ["Anoop", "Sreejith", "Vishnu", "Arun", "Rajeev", "Sanjay", "Hari", "Gopakumar"],
    surnames: ["Nair", "Menon", "Pillai", "Panicker", "Kurup", "Nambiar", "Warrier"],
  },
  keralaChristian: {
    language: "Malayalam",
    female: ["Ancy", "Jincy", "Rosamma", "Sherin", "Teena", "Bincy", "Mariamma", "Liji"],
    male: ["Jose", "Thomas", "Biju", "Shaji", "Jacob", "Saju", "Tony", "Binoy"],
    surnames: ["Kurian", "Varghese", "Mathew", "Cherian", "Abraham", "George", "Philip", "Chacko"],
  },
  marathi: {
    language: "Marathi",
    female: ["Snehal", "Madhuri", "Aparna", "Ashwini", "Rutuja", "Sayali", "Manasi", "Prajakta", "Vaishali", "Shruti"],
    male: ["Sachin", "Omkar", "Tushar", "Shrikant", "Amol", "Nilesh", "Abhijit", "Mandar", "Sameer", "Yogesh"],
    surnames: ["Patil", "Deshpande", "Joshi", "Kulkarni", "Gokhale", "Deshmukh", "Pawar", "Jadhav", "Shinde", "Sawant", "Kale", "Bhosale", "Apte"],
  },
  gujarati: {
    language: "Gujarati",
    female: ["Hetal", "Khushboo", "Payal", "Nisha", "Krupa", "Dhara", "Foram", "Jinal", "Bhoomi", "Hiral"],
    male: ["Jignesh", "Parth", "Chirag", "Bhavesh", "Hitesh", "Ketan", "Nirav", "Darshan", "Mihir", "Tejas"],
    surnames: ["Shah", "Patel", "Mehta", "Desai", "Trivedi", "Parikh", "Modi", "Vyas", "Dave", "Bhatt"],
  },
  hindi: {
    language: "Hindi",
    female: ["Neha", "Pooja", "Anita", "Sunita", "Ritu", "Preeti", "Swati", "Shweta", "Jyoti", "Sarita", "Garima", "Ankita"],
    male: ["Rahul", "Amit", "Vikas", "Gaurav", "Ankit", "Mayank", "Alok", "Ashish", "Manoj", "Pankaj", "Rohit", "Saurabh"],
    surnames: ["Sharma", "Verma", "Gupta", "Agarwal", "Saxena", "Srivastava", "Mishra", "Tiwari", "Pandey", "Dubey", "Chauhan", "Bansal", "Goel", "Jain", "Mathur"],
  },
  punjabi: {
    language: "Punjabi",
    female: ["Simran", "Jasleen", "Gurleen", "Amrita", "Harleen", "Mehak", "Sukhmani", "Prabhleen"],
    male: ["Gurdeep", "Gurvinder", "Balwinder", "Harvinder", "Jatinder", "Karan", "Arjun", "Kunal"],
    surnames: ["Sandhu", "Gill", "Dhillon", "Grewal", "Sidhu", "Bedi", "Ahluwalia", "Kapoor", "Malhotra", "Khanna", "Chopra", "Arora", "Bhatia"],
  },
  bengali: {
    language: "Bengali",
    female: ["Rituparna", "Debjani", "Sushmita", "Ishita", "Mitali", "Poulomi", "Sreya", "Moumita", "Tanushree", "Arpita"],
    male: ["Sourav", "Arnab", "Debashis", "Subhajit", "Anirban", "Sandip", "Partha", "Indranil", "Sayan", "Abhishek"],
    surnames: ["Banerjee", "Chatterjee", "Mukherjee", "Ghosh", "Bose", "Sen", "Das", "Dutta", "Roy", "Chakraborty", "Bhattacharya", "Sengupta", "Mitra"],
  },
  urdu: {
    language: "Urdu",
    female: ["Ayesha", "Farah", "Sana", "Nazia", "Zoya", "Fatima", "Rukhsar", "Heena"],
    male: ["Imran", "Faisal", "Arif", "Salman", "Zubair", "Irfan", "Tariq", "Asif"],
    surnames: ["Khan", "Ahmed", "Qureshi", "Siddiqui", "Ansari", "Shaikh", "Hussain", "Rizvi", "Farooqui"],
  },
} satisfies Record<string, NameGroup>;

type GroupKey = keyof typeof NAME_GROUPS;
const GROUP_KEYS = Object.keys(NAME_GROUPS) as GroupKey[];
// Women who married across regions carry another region's surname; across faiths that is rare.
const SURNAME_MIXING: GroupKey[] = GROUP_KEYS.filter((k) => k !== "urdu" && k !== "keralaChristian");

/** Every first name the generator uses, by gender (the demo doctor's own name included). */
export const FIRST_NAMES: Record<Gender, string[]> = {
  female: GROUP_KEYS.flatMap((k) => NAME_GROUPS[k].female),
  male: GROUP_KEYS.flatMap((k) => NAME_GROUPS[k].male).concat(["Rohan"]),
};

// ---------------------------------------------------------------------------
// Places
// ---------------------------------------------------------------------------

export interface LocalityInfo {
  name: string;
  street: string;
  postcode: string;
  latitude: number;
  longitude: number;
}

export interface CityInfo {
  name: string;
  state: string;
  /** The language most patients speak there, beyond English and Hindi. */
  regionalLanguage: string;
  /** Landline STD code without the trunk 0. */
  std: string;
  medicalCouncil: { name: string; code: string };
  dentalCouncil: { name: string; code: string };
  /** Where local doctors' names come from, with weights. */
  groups: [GroupKey, number][];
  /** Bigger cities get more independent doctors on the marketplace. */
  weight: number;
  /** Fee level relative to the metros. */
  feeFactor: number;
  localities: LocalityInfo[];
}

const loc = (name: string, street: string, postcode: string, latitude: number, longitude: number): LocalityInfo => ({ name, street, postcode, latitude, longitude });

/** Cities, localities (approximate real coordinates) and their state councils. */
export const CITIES: CityInfo[] = [
  {
    name: "Bengaluru",
    state: "Karnataka",
    regionalLanguage: "Kannada",
    std: "80",
    medicalCouncil: { name: "Karnataka Medical Council", code: "KMC" },
    dentalCouncil: { name: "Karnataka State Dental Council", code: "KSDC" },
    groups: [["kannada", 5], ["tamil", 1], ["telugu", 1], ["malayali", 1], ["keralaChristian", 0.5], ["hindi", 1]],
    weight: 5,
    feeFactor: 1,
    localities: [
      loc("Indiranagar", "100 Feet Road", "560038", 12.9784, 77.6408),
      loc("Koramangala", "80 Feet Road", "560034", 12.9352, 77.6245),
      loc("Whitefield", "ITPL Main Road", "560066", 12.9698, 77.75),
      loc("Jayanagar", "11th Main Road", "560041", 12.925, 77.5938),
      loc("HSR Layout", "27th Main Road", "560102", 12.9116, 77.6474),
      loc("Malleshwaram", "Sampige Road", "560003", 13.0035, 77.5709),
    ],
  },
  {
    name: "Mumbai",
    state: "Maharashtra",
    regionalLanguage: "Marathi",
    std: "22",
    medicalCouncil: { name: "Maharashtra Medical Council", code: "MMC" },
    dentalCouncil: { name: "Maharashtra State Dental Council", code: "MSDC" },
    groups: [["marathi", 4], ["gujarati", 2], ["hindi", 1], ["urdu", 1], ["punjabi", 1]],
    weight: 5,
    feeFactor: 1.1,
    localities: [
      loc("Andheri West", "Link Road", "400053", 19.1363, 72.8277),
      loc("Bandra West", "Hill Road", "400050", 19.0596, 72.8295),
      loc("Powai", "Hiranandani Gardens", "400076", 19.1176, 72.906),
      loc("Dadar", "Ranade Road", "400028", 19.0178, 72.8478),
      loc("Chembur", "Sion-Trombay Road", "400071", 19.0522, 72.9005),
    ],
  },
  {
    name: "Pune",
    state: "Maharashtra",
    regionalLanguage: "Marathi",
    std: "20",
    medicalCouncil: { name: "Maharashtra Medical Council", code: "MMC" },
    dentalCouncil: { name: "Maharashtra State Dental Council", code: "MSDC" },
    groups: [["marathi", 5], ["gujarati", 1], ["hindi", 1]],
    weight: 4,
    feeFactor: 0.95,
    localities: [
      loc("Kothrud", "Karve Road", "411038", 18.5074, 73.8077),
      loc("Baner", "Baner Road", "411045", 18.559, 73.7868),
      loc("Viman Nagar", "Viman Nagar Road", "411014", 18.5679, 73.9143),
      loc("Aundh", "ITI Road", "411007", 18.558, 73.8075),
    ],
  },
  {
    name: "Delhi",
    state: "Delhi",
    regionalLanguage: "Hindi",
    std: "11",
    medicalCouncil: { name: "Delhi Medical Council", code: "DMC" },
    dentalCouncil: { name: "Delhi State Dental Council", code: "DSDC" },
    groups: [["hindi", 4], ["punjabi", 3], ["urdu", 1], ["bengali", 1]],
    weight: 5,
    feeFactor: 1.05,
    localities: [
      loc("Saket", "Press Enclave Marg", "110017", 28.5245, 77.2066),
      loc("Dwarka", "Sector 10", "110075", 28.5921, 77.046),
      loc("Rohini", "Sector 9", "110085", 28.7383, 77.0822),
      loc("Lajpat Nagar", "Ring Road", "110024", 28.5677, 77.2433),
    ],
  },
  {
    name: "Hyderabad",
    state: "Telangana",
    regionalLanguage: "Telugu",
    std: "40",
    medicalCouncil: { name: "Telangana State Medical Council", code: "TSMC" },
    dentalCouncil: { name: "Telangana State Dental Council", code: "TSDC" },
    groups: [["telugu", 5], ["urdu", 2], ["hindi", 1]],
    weight: 4,
    feeFactor: 0.95,
    localities: [
      loc("Banjara Hills", "Road No. 12", "500034", 17.4156, 78.4347),
      loc("Gachibowli", "Old Mumbai Highway", "500032", 17.4401, 78.3489),
      loc("Kukatpally", "KPHB Main Road", "500072", 17.4849, 78.4138),
    ],
  },
  {
    name: "Chennai",
    state: "Tamil Nadu",
    regionalLanguage: "Tamil",
    std: "44",
    medicalCouncil: { name: "Tamil Nadu Medical Council", code: "TNMC" },
    dentalCouncil: { name: "Tamil Nadu State Dental Council", code: "TNSDC" },
    groups: [["tamil", 6], ["telugu", 1], ["malayali", 1]],
    weight: 4,
    feeFactor: 0.95,
    localities: [
      loc("Adyar", "LB Road", "600020", 13.0012, 80.2565),
      loc("T. Nagar", "Usman Road", "600017", 13.0418, 80.2341),
      loc("Anna Nagar", "2nd Avenue", "600040", 13.085, 80.2101),
    ],
  },
  {
    name: "Kolkata",
    state: "West Bengal",
    regionalLanguage: "Bengali",
    std: "33",
    medicalCouncil: { name: "West Bengal Medical Council", code: "WBMC" },
    dentalCouncil: { name: "West Bengal Dental Council", code: "WBDC" },
    groups: [["bengali", 6], ["hindi", 1], ["urdu", 1]],
    weight: 3,
    feeFactor: 0.9,
    localities: [
      loc("Salt Lake", "Sector V", "700091", 22.5867, 88.4171),
      loc("Ballygunge", "Gariahat Road", "700019", 22.528, 88.3659),
      loc("New Town", "Action Area I", "700156", 22.5769, 88.4796),
    ],
  },
  {
    name: "Ahmedabad",
    state: "Gujarat",
    regionalLanguage: "Gujarati",
    std: "79",
    medicalCouncil: { name: "Gujarat Medical Council", code: "GMC" },
    dentalCouncil: { name: "Gujarat State Dental Council", code: "GSDC" },
    groups: [["gujarati", 6], ["hindi", 1]],
    weight: 2,
    feeFactor: 0.85,
    localities: [
      loc("Navrangpura", "CG Road", "380009", 23.0365, 72.5611),
      loc("Satellite", "Satellite Road", "380015", 23.03, 72.5176),
      loc("Bodakdev", "Judges Bungalow Road", "380054", 23.04, 72.507),
    ],
  },
  {
    name: "Jaipur",
    state: "Rajasthan",
    regionalLanguage: "Hindi",
    std: "141",
    medicalCouncil: { name: "Rajasthan Medical Council", code: "RMC" },
    dentalCouncil: { name: "Rajasthan Dental Council", code: "RDC" },
    groups: [["hindi", 6], ["punjabi", 1]],
    weight: 2,
    feeFactor: 0.8,
    localities: [
      loc("Malviya Nagar", "JLN Marg", "302017", 26.853, 75.812),
      loc("Vaishali Nagar", "Amrapali Marg", "302021", 26.912, 75.743),
      loc("C-Scheme", "Ashok Marg", "302001", 26.905, 75.8),
    ],
  },
  {
    name: "Lucknow",
    state: "Uttar Pradesh",
    regionalLanguage: "Hindi",
    std: "522",
    medicalCouncil: { name: "Uttar Pradesh Medical Council", code: "UPMC" },
    dentalCouncil: { name: "Uttar Pradesh State Dental Council", code: "UPSDC" },
    groups: [["hindi", 5], ["urdu", 2]],
    weight: 2,
    feeFactor: 0.8,
    localities: [
      loc("Gomti Nagar", "Vibhuti Khand", "226010", 26.85, 81.0),
      loc("Hazratganj", "MG Marg", "226001", 26.85, 80.9462),
      loc("Aliganj", "Kapoorthala Road", "226024", 26.8937, 80.941),
    ],
  },
  {
    name: "Kochi",
    state: "Kerala",
    regionalLanguage: "Malayalam",
    std: "484",
    medicalCouncil: { name: "Travancore-Cochin Medical Council", code: "TCMC" },
    dentalCouncil: { name: "Kerala Dental Council", code: "KDC" },
    groups: [["malayali", 5], ["keralaChristian", 3], ["urdu", 0.5], ["tamil", 1]],
    weight: 2,
    feeFactor: 0.85,
    localities: [
      loc("Kakkanad", "Seaport-Airport Road", "682030", 10.0159, 76.3419),
      loc("Edappally", "Edappally Bypass", "682024", 10.0261, 76.3125),
      loc("Panampilly Nagar", "Panampilly Avenue", "682036", 9.959, 76.297),
    ],
  },
];

const CITY_BY_NAME = new Map(CITIES.map((c) => [c.name, c]));

function city(name: string): CityInfo {
  const c = CITY_BY_NAME.get(name);
  if (!c) throw new Error(`unknown city ${name}`);
  return c;
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

type Hours = Record<string, [string, string][]>;
const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat"] as const;

function hours(weekday: [string, string][], sunday: [string, string][] | null, saturday: [string, string][] = weekday): Hours {
  const out: Hours = {};
  for (const d of WEEKDAYS) out[d] = d === "sat" ? saturday : weekday;
  if (sunday) out.sun = sunday;
  return out;
}

/** Lower-case, ASCII, hyphen-separated (matches the tables' slug check). */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’.]/g, "")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function uniqueIn(used: Set<string>, base: string, join: (base: string, n: number) => string): string {
  let candidate = base;
  for (let n = 2; used.has(candidate); n++) candidate = join(base, n);
  used.add(candidate);
  return candidate;
}

function phoneFor(rng: Rng, c: CityInfo): string {
  const digits = 10 - c.std.length;
  let n = String(rng.int(2, 6));
  while (n.length < digits) n += String(rng.int(0, 9));
  return `+91 ${c.std} ${n}`;
}

const jitter = (rng: Rng, value: number, spread: number) => Math.round((value + (rng.next() - 0.5) * 2 * spread) * 1e5) / 1e5;

// ---------------------------------------------------------------------------
// Clinics
// ---------------------------------------------------------------------------

interface ClinicBuilder {
  clinics: SeedClinic[];
  slugs: Set<string>;
  names: Set<string>;
}

const newClinics = (): ClinicBuilder => ({ clinics: [], slugs: new Set(), names: new Set() });

function addClinic(
  b: ClinicBuilder,
  rng: Rng,
  input: { name: string; city: CityInfo; locality: LocalityInfo; facilities: string[]; openingHours: Hours; slug?: string },
): SeedClinic {
  const name = uniqueIn(b.names, input.name, (base, n) => `${base} ${n}`);
  const clinic: SeedClinic = {
    slug: uniqueIn(b.slugs, input.slug ?? slugify(name), (base, n) => `${base}-${n}`),
    name,
    addressLine: `${rng.int(1, 480)}, ${input.locality.street}`,
    locality: input.locality.name,
    city: input.city.name,
    state: input.city.state,
    postcode: input.locality.postcode,
    latitude: jitter(rng, input.locality.latitude, 0.006),
    longitude: jitter(rng, input.locality.longitude, 0.006),
    timeZone: DEMO_TIME_ZONE,
    phone: phoneFor(rng, input.city),
    facilities: input.facilities,
    openingHours: input.openingHours,
  };
  b.clinics.push(clinic);
  return clinic;
}

const HOSPITAL_FACILITIES = ["Pharmacy", "Diagnostic lab", "X-ray", "Ultrasound", "ECG", "Wheelchair access", "Parking", "Cashless insurance", "Cafeteria"];
const FLAGSHIP_FACILITIES = ["Emergency 24x7", "ICU", "CT scan", "MRI", "Ambulance"];
const SMALL_CLINIC_FACILITIES = ["Wheelchair access", "Parking", "Pharmacy", "Diagnostic lab", "Card payments", "UPI payments"];
const POLYCLINIC_PREFIXES = ["Lifeline", "Care Plus", "Sanjeevani", "Arogya", "Wellness", "Nirmal", "Shanti", "Apex", "Medipoint", "Prime", "Healing Touch", "Dhanvantari", "Sparsh", "Aarogyam", "Suraksha", "Jeevan"];
const POLYCLINIC_KINDS = ["Polyclinic", "Medical Centre", "Multispeciality Clinic", "Health Clinic", "Family Health Centre"];

function smallClinicHours(rng: Rng): Hours {
  return rng.weighted<Hours>([
    [hours([["10:00", "13:30"], ["17:30", "21:00"]], null), 4],
    [hours([["09:00", "13:00"], ["17:00", "20:30"]], [["10:00", "13:00"]]), 3],
    [hours([["11:00", "14:00"], ["18:00", "21:30"]], null, [["11:00", "14:00"]]), 2],
    [hours([["09:30", "19:30"]], null, [["09:30", "14:00"]]), 2],
  ]);
}

function polyclinicFacilities(rng: Rng): string[] {
  return rng.sample(SMALL_CLINIC_FACILITIES, rng.int(2, 5)).concat(rng.chance(0.4) ? ["X-ray"] : []);
}

/** A shared polyclinic ("Sanjeevani Polyclinic, Kothrud") in a city. */
function addPolyclinic(b: ClinicBuilder, rng: Rng, c: CityInfo, locality?: LocalityInfo): SeedClinic {
  const l = locality ?? rng.pick(c.localities);
  return addClinic(b, rng, {
    name: `${rng.pick(POLYCLINIC_PREFIXES)} ${rng.pick(POLYCLINIC_KINDS)}, ${l.name}`,
    city: c,
    locality: l,
    facilities: polyclinicFacilities(rng),
    openingHours: rng.chance(0.5) ? hours([["08:00", "21:00"]], [["09:00", "13:00"]]) : smallClinicHours(rng),
  });
}

// ---------------------------------------------------------------------------
// Doctors
// ---------------------------------------------------------------------------

interface DoctorContext {
  rng: Rng;
  emailDomain: string;
  slugs: Set<string>;
  emails: Set<string>;
  registrations: Set<string>;
}

const newDoctorContext = (rng: Rng, emailDomain: string): DoctorContext => ({ rng, emailDomain, slugs: new Set(), emails: new Set(), registrations: new Set() });

function councilFor(c: CityInfo, specialtySlug: string) {
  return specialtySlug === "dentistry" ? c.dentalCouncil : c.medicalCouncil;
}

function registrationFor(ctx: DoctorContext, c: CityInfo, specialtySlug: string): { council: string; number: string } {
  const council = councilFor(c, specialtySlug);
  for (;;) {
    const number = `${council.code}-${ctx.rng.int(10000, 99999)}`;
    const key = `${council.name}|${number}`;
    if (!ctx.registrations.has(key)) {
      ctx.registrations.add(key);
      return { council: council.name, number };
    }
  }
}

function claimSlug(ctx: DoctorContext, first: string, last: string): string {
  return uniqueIn(ctx.slugs, slugify(`dr ${first} ${last}`), (base, n) => `${base}-${n}`);
}

function claimEmail(ctx: DoctorContext, first: string, last: string): string {
  const local = `${slugify(first)}.${slugify(last)}`.replace(/-/g, "");
  return `${uniqueIn(ctx.emails, local, (base, n) => `${base}${n}`)}@${ctx.emailDomain}`;
}

function languagesFor(rng: Rng, c: CityInfo, group: NameGroup, local: boolean): string[] {
  const langs = ["English"];
  const hindiBelt = group.language === "Hindi" || group.language === "Punjabi" || group.language === "Urdu" || c.regionalLanguage === "Hindi";
  if (hindiBelt || rng.chance(0.6)) langs.push("Hindi");
  if (rng.chance(local ? 0.95 : 0.7)) langs.push(c.regionalLanguage);
  if (group.language !== c.regionalLanguage && rng.chance(0.75)) langs.push(group.language);
  return [...new Set(langs)];
}

function feeFor(rng: Rng, s: SpecialtyInfo, years: number, c: CityInfo): number {
  const [lo, hi] = s.feeRupees;
  const seniority = Math.min(1, (years / 28) * (0.75 + rng.next() * 0.5));
  const rupees = (lo + (hi - lo) * seniority) * c.feeFactor;
  const rounded = Math.round(rupees / 50) * 50;
  return Math.max(300, Math.min(2000, rounded)) * 100;
}

function modesFor(rng: Rng, s: SpecialtyInfo): SeedDoctor["modes"] {
  if (s.slug === "psychiatry" && rng.chance(0.1)) return ["video"];
  return rng.chance(s.videoShare) ? ["in_clinic", "video"] : ["in_clinic"];
}

function bioFor(rng: Rng, name: string, gender: Gender, s: SpecialtyInfo, years: number, conditions: string[], clinicName: string): string {
  const he = gender === "female" ? "She" : "He";
  const his = gender === "female" ? "Her" : "His";
  const [a = "", b = a] = conditions;
  const article = /^[aeio]/i.test(s.noun) || s.noun.startsWith("ENT") ? "an" : "a";
  const where = clinicName.startsWith(`${name}'s`) ? `${his.toLowerCase()} own clinic` : clinicName;
  return rng.pick([
    `${name} is ${article} ${s.noun} with ${years} years of experience, consulting at ${where}. ${he} has a special interest in ${a} and ${b}.`,
    `${name} has practised as ${article} ${s.noun} for ${years} years. ${his} practice focuses on ${a}, ${b} and preventive care.`,
    `With ${years} years as ${article} ${s.noun}, ${name} treats ${a} and ${b}, and takes time to explain each option to patients and families.`,
    `${name} is ${article} ${s.noun} at ${where}. ${he} sees patients for ${a} and ${b}.`,
  ]);
}

interface DoctorSpec {
  city: CityInfo;
  primary: SpecialtyInfo;
  /** Specialties this tenant lists (a second specialty must be one of them). */
  allowed: Set<string>;
  clinics: SeedClinic[];
  /** Drawn beforehand when something else (the doctor's own clinic) carries the name. */
  person?: Person;
}

interface Person {
  group: GroupKey;
  /** Whether the doctor's name group is one of the city's own (affects languages). */
  local: boolean;
  gender: Gender;
  first: string;
  last: string;
}

function pickGroup(rng: Rng, c: CityInfo): { group: GroupKey; local: boolean } {
  if (rng.chance(0.72)) return { group: rng.weighted(c.groups), local: true };
  return { group: rng.pick(GROUP_KEYS), local: false };
}

function drawPerson(rng: Rng, c: CityInfo, primary: SpecialtyInfo): Person {
  const { group, local } = pickGroup(rng, c);
  // Obstetrics and gynaecology in India is overwhelmingly practised by women.
  const gender: Gender = rng.chance(primary.slug === "obstetrics-gynaecology" ? 0.85 : 0.45) ? "female" : "male";
  const first = rng.pick(NAME_GROUPS[group][gender]);
  const married = gender === "female" && SURNAME_MIXING.includes(group) && rng.chance(0.2);
  const last = rng.pick(NAME_GROUPS[married ? rng.pick(SURNAME_MIXING) : group].surnames);
  return { group, local, gender, first, last };
}

function makeDoctor(ctx: DoctorContext, spec: DoctorSpec): SeedDoctor {
  const { rng } = ctx;
  const { city: c, primary } = spec;
  const { group: groupKey, local, gender, first, last } = spec.person ?? drawPerson(rng, c, primary);
  const group: NameGroup = NAME_GROUPS[groupKey];
  const name = `Dr ${first} ${last}`;
  const superSpecialist = primary.qualifications[0]!.length > 2;
  const years = Math.min(35, (superSpecialist ? 5 : 2) + Math.floor(Math.pow(rng.next(), 1.2) * 33));
  const specialtySlugs = [primary.slug];
  const related = primary.related.filter((r) => spec.allowed.has(r));
  if (related.length && rng.chance(0.3)) specialtySlugs.push(rng.pick(related));
  const conditions = rng.sample(primary.conditions, rng.int(3, 5));
  for (const extra of specialtySlugs.slice(1)) conditions.push(...rng.sample(specialty(extra).conditions, 2));
  const reg = registrationFor(ctx, c, primary.slug);
  return {
    slug: claimSlug(ctx, first, last),
    name,
    gender,
    email: claimEmail(ctx, first, last),
    registrationNumber: reg.number,
    registrationCouncil: reg.council,
    qualifications: [...rng.pick(primary.qualifications)],
    yearsExperience: years,
    languages: languagesFor(rng, c, group, local),
    feeMinor: feeFor(rng, primary, years, c),
    currency: "INR",
    modes: modesFor(rng, primary),
    bio: bioFor(rng, name, gender, primary, years, conditions, spec.clinics[0]!.name),
    conditions: [...new Set(conditions)],
    specialtySlugs,
    clinicSlugs: spec.clinics.map((cl) => cl.slug),
    published: true,
    marketplaceListed: false,
  };
}

/**
 * The demo doctor's provider profile: Dr Rohan Mehta, cardiology, linked to the
 * `dr.mehta@<slug>.example` staff account the demo seed creates.
 */
function demoDoctor(ctx: DoctorContext, tenantSlug: string, c: CityInfo, clinic: SeedClinic): SeedDoctor {
  const email = DEMO_USERS.doctor.email.replace("<slug>", tenantSlug);
  ctx.emails.add(email.split("@")[0]!);
  const reg = registrationFor(ctx, c, "cardiology");
  const name = DEMO_USERS.doctor.name;
  return {
    slug: uniqueIn(ctx.slugs, slugify(name), (base, n) => `${base}-${n}`),
    name,
    gender: "male",
    email,
    registrationNumber: reg.number,
    registrationCouncil: reg.council,
    qualifications: ["MBBS", "MD (General Medicine)", "DM (Cardiology)"],
    yearsExperience: 14,
    languages: [...new Set(["English", "Hindi", "Gujarati", c.regionalLanguage])],
    feeMinor: 1200_00,
    currency: "INR",
    modes: ["in_clinic", "video"],
    bio: `${name} is an interventional cardiologist with 14 years of experience, consulting at ${clinic.name}. He has a special interest in preventive cardiology and hypertension.`,
    conditions: ["chest pain", "hypertension", "coronary artery disease", "high cholesterol", "palpitations"],
    specialtySlugs: ["cardiology"],
    clinicSlugs: [clinic.slug],
    published: true,
    marketplaceListed: false,
    userEmail: email,
  };
}

function specialtyRows(slugs: Iterable<string>): SeedSpecialty[] {
  return [...slugs].map((slug) => {
    const s = specialty(slug);
    return { slug: s.slug, name: s.name, synonyms: [...s.synonyms], description: s.description };
  });
}

/** Primary specialties for `count` doctors: every allowed one at least twice, the rest by weight. */
function specialtyMix(rng: Rng, allowed: string[], count: number): SpecialtyInfo[] {
  const base = allowed.flatMap((slug) => [specialty(slug), specialty(slug)]);
  const weighted = allowed.map((slug) => [specialty(slug), specialty(slug).weight] as const);
  const rest = Array.from({ length: Math.max(0, count - base.length) }, () => rng.weighted(weighted));
  return rng.shuffle([...base, ...rest]).slice(0, count);
}

// ---------------------------------------------------------------------------
// Tenants
// ---------------------------------------------------------------------------

interface HospitalPlan {
  name: string;
  doctors: number;
  specialties: string[];
  branches: { city: string; locality: string; flagship?: boolean }[];
}

const ALL_SPECIALTIES = SPECIALTY_CATALOGUE.map((s) => s.slug);

const HOSPITAL_PLANS: Record<string, HospitalPlan> = {
  sunrise: {
    name: "Sunrise Hospital",
    doctors: 46,
    specialties: [
      "general-medicine",
      "cardiology",
      "dermatology",
      "paediatrics",
      "obstetrics-gynaecology",
      "orthopaedics",
      "ent",
      "ophthalmology",
      "neurology",
      "gastroenterology",
      "endocrinology",
      "pulmonology",
      "nephrology",
      "general-surgery",
    ],
    branches: [
      { city: "Bengaluru", locality: "Indiranagar", flagship: true },
      { city: "Bengaluru", locality: "Whitefield" },
      { city: "Bengaluru", locality: "Jayanagar" },
      { city: "Bengaluru", locality: "HSR Layout" },
    ],
  },
  citycare: {
    name: "CityCare Clinic",
    doctors: 44,
    specialties: [
      "general-medicine",
      "cardiology",
      "dermatology",
      "paediatrics",
      "obstetrics-gynaecology",
      "orthopaedics",
      "ent",
      "ophthalmology",
      "psychiatry",
      "dentistry",
      "endocrinology",
      "urology",
    ],
    branches: [
      { city: "Pune", locality: "Kothrud", flagship: true },
      { city: "Pune", locality: "Baner" },
      { city: "Mumbai", locality: "Andheri West" },
      { city: "Mumbai", locality: "Powai" },
    ],
  },
};

function titleFromSlug(slug: string): string {
  return slug
    .split("-")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");
}

/** A plan for a hospital tenant that is not one of the named demo hospitals. */
function genericHospitalPlan(tenantSlug: string): HospitalPlan {
  const rng = createRng(`plan:${tenantSlug}`);
  const home = rng.pick(CITIES);
  return {
    name: `${titleFromSlug(tenantSlug)} Hospital`,
    doctors: 42,
    specialties: ALL_SPECIALTIES.filter((s) => s !== "dentistry" && s !== "urology"),
    branches: rng.sample(home.localities, 3).map((l, i) => ({ city: home.name, locality: l.name, flagship: i === 0 })),
  };
}

function hospitalDirectory(tenantSlug: string, plan: HospitalPlan): DirectorySeed {
  const rng = createRng(`demo:${tenantSlug}`);
  const ctx = newDoctorContext(rng, `${tenantSlug}.example`);
  const b = newClinics();
  const branches = plan.branches.map((br) => {
    const c = city(br.city);
    const l = c.localities.find((x) => x.name === br.locality);
    if (!l) throw new Error(`unknown locality ${br.locality}`);
    return {
      city: c,
      clinic: addClinic(b, rng, {
        name: `${plan.name}, ${l.name}`,
        slug: slugify(`${tenantSlug} ${l.name}`),
        city: c,
        locality: l,
        facilities: br.flagship ? [...FLAGSHIP_FACILITIES, ...HOSPITAL_FACILITIES] : rng.sample(HOSPITAL_FACILITIES, rng.int(5, 8)),
        openingHours: br.flagship
          ? hours([["07:00", "22:00"]], [["08:00", "20:00"]])
          : rng.chance(0.5)
            ? hours([["08:00", "20:00"]], [["09:00", "14:00"]])
            : hours([["08:30", "20:30"]], null, [["08:30", "17:00"]]),
      }),
    };
  });

  const allowed = new Set(plan.specialties);
  const first = branches[0]!;
  const doctors: SeedDoctor[] = [demoDoctor(ctx, tenantSlug, first.city, first.clinic)];
  for (const primary of specialtyMix(rng, plan.specialties, plan.doctors - 1)) {
    const home = rng.pick(branches);
    const sameCity = branches.filter((x) => x.city === home.city && x !== home);
    const clinics = [home.clinic];
    if (sameCity.length && rng.chance(0.3)) clinics.push(rng.pick(sameCity).clinic);
    doctors.push(makeDoctor(ctx, { city: home.city, primary, allowed, clinics }));
  }

  // Some applicants wait in the review queue; a dozen published doctors opt in to the marketplace.
  const others = rng.shuffle(doctors.slice(1));
  for (const d of others.slice(0, 3)) d.published = false;
  for (const d of others.slice(3, 15)) d.marketplaceListed = true;

  return { specialties: specialtyRows(plan.specialties), clinics: b.clinics, doctors };
}

interface IndependentOptions {
  rng: Rng;
  ctx: DoctorContext;
  doctors: number;
  cities: CityInfo[];
  clinics: ClinicBuilder;
  /** A doctor's own clinic share; the rest work from shared polyclinics. */
  ownClinicShare: number;
  /** Polyclinics per city, made up front; null when clinics are already made. */
  polyclinicsPerCity: number | null;
}

function independentDoctors(o: IndependentOptions): SeedDoctor[] {
  const { rng, ctx } = o;
  const poly = new Map<string, SeedClinic[]>();
  if (o.polyclinicsPerCity !== null) {
    for (const c of o.cities) {
      const ls = rng.shuffle(c.localities);
      poly.set(
        c.name,
        Array.from({ length: o.polyclinicsPerCity }, (_, i) => addPolyclinic(o.clinics, rng, c, ls[i % ls.length])),
      );
    }
  } else {
    for (const cl of o.clinics.clinics) poly.set(cl.city, [...(poly.get(cl.city) ?? []), cl]);
  }
  const cities = o.cities.filter((c) => (poly.get(c.name)?.length ?? 0) > 0);
  const allowed = new Set(ALL_SPECIALTIES);
  const mix = specialtyMix(rng, ALL_SPECIALTIES, o.doctors);
  const cityCycle = rng.shuffle(cities);
  return mix.map((primary, i) => {
    // Every city gets doctors before the weights decide the rest.
    const c = i < cityCycle.length ? cityCycle[i]! : rng.weighted(cities.map((x) => [x, x.weight] as const));
    const shared = poly.get(c.name)!;
    const person = drawPerson(rng, c, primary);
    const clinics: SeedClinic[] = [];
    if (rng.chance(o.ownClinicShare)) {
      clinics.push(
        addClinic(o.clinics, rng, {
          name: `Dr ${person.first} ${person.last}'s ${primary.clinicWord}`,
          city: c,
          locality: rng.pick(c.localities),
          facilities: rng.sample(SMALL_CLINIC_FACILITIES, rng.int(1, 3)),
          openingHours: smallClinicHours(rng),
        }),
      );
      if (rng.chance(0.3)) clinics.push(rng.pick(shared));
    } else {
      clinics.push(rng.pick(shared));
      const other = shared.filter((x) => x !== clinics[0]);
      if (other.length && rng.chance(0.25)) clinics.push(rng.pick(other));
    }
    return makeDoctor(ctx, { city: c, primary, allowed, clinics, person });
  });
}

function marketplaceDirectory(tenantSlug: string): DirectorySeed {
  const rng = createRng(`demo:${tenantSlug}`);
  const ctx = newDoctorContext(rng, `${tenantSlug}.example`);
  const clinics = newClinics();
  const doctors = independentDoctors({ rng, ctx, doctors: 117, cities: CITIES, clinics, ownClinicShare: 0.45, polyclinicsPerCity: 2 });
  // The demo doctor account exists on every tenant, so give it a practice here too.
  const blr = city("Bengaluru");
  const mehtaClinic = addClinic(clinics, rng, {
    name: "Dr Rohan Mehta's Heart Clinic",
    city: blr,
    locality: blr.localities.find((l) => l.name === "Koramangala")!,
    facilities: ["ECG", "Wheelchair access", "Parking"],
    openingHours: hours([["10:00", "13:30"], ["17:30", "20:30"]], null),
  });
  doctors.unshift(demoDoctor(ctx, tenantSlug, blr, mehtaClinic));
  for (const d of rng.shuffle(doctors.slice(1)).slice(0, 3)) d.published = false;
  return { specialties: specialtyRows(ALL_SPECIALTIES), clinics: clinics.clinics, doctors };
}

/**
 * The demo directory of one tenant: `sunrise` and `citycare` get their hospital branches
 * and staff, a marketplace gets independent doctors across many cities. Deterministic.
 */
export function demoDirectoryFor(tenantSlug: string, kind: "hospital" | "marketplace"): DirectorySeed {
  if (kind === "marketplace") return marketplaceDirectory(tenantSlug);
  return hospitalDirectory(tenantSlug, HOSPITAL_PLANS[tenantSlug] ?? genericHospitalPlan(tenantSlug));
}

/**
 * A large all-published directory for the search benchmark: `doctors` doctors at about
 * `clinics` polyclinics spread over `cities` (default: every demo city). Deterministic per seed.
 */
export function generateDirectorySeed(opts: { seed: string | number; doctors: number; clinics: number; cities?: string[]; emailDomain?: string }): DirectorySeed {
  const rng = createRng(`bench:${opts.seed}`);
  const cities = (opts.cities?.length ? opts.cities : CITIES.map((c) => c.name)).map(city);
  const ctx = newDoctorContext(rng, opts.emailDomain ?? "bench.example");
  const clinics = newClinics();
  const count = Math.max(1, opts.clinics);
  for (let i = 0; i < count; i++) {
    const c = cities[i % cities.length]!;
    addPolyclinic(clinics, rng, c, c.localities[Math.floor(i / cities.length) % c.localities.length]);
  }
  const doctors = independentDoctors({ rng, ctx, doctors: opts.doctors, cities, clinics, ownClinicShare: 0, polyclinicsPerCity: null });
  return { specialties: specialtyRows(ALL_SPECIALTIES), clinics: clinics.clinics, doctors };
}
