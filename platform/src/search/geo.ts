// Where "near <place>" is when no clinic of the tenant (or the directory) is in that
// locality: approximate centres of Indian cities, so a patient who types a city still
// gets distances. Keys are lower-case.
const CITY_CENTRES: Record<string, { lat: number; lng: number }> = {
  delhi: { lat: 28.6139, lng: 77.209 },
  "new delhi": { lat: 28.6139, lng: 77.209 },
  mumbai: { lat: 19.076, lng: 72.8777 },
  bengaluru: { lat: 12.9716, lng: 77.5946 },
  bangalore: { lat: 12.9716, lng: 77.5946 },
  chennai: { lat: 13.0827, lng: 80.2707 },
  kolkata: { lat: 22.5726, lng: 88.3639 },
  hyderabad: { lat: 17.385, lng: 78.4867 },
  pune: { lat: 18.5204, lng: 73.8567 },
  ahmedabad: { lat: 23.0225, lng: 72.5714 },
  jaipur: { lat: 26.9124, lng: 75.7873 },
  lucknow: { lat: 26.8467, lng: 80.9462 },
  chandigarh: { lat: 30.7333, lng: 76.7794 },
  kochi: { lat: 9.9312, lng: 76.2673 },
  gurugram: { lat: 28.4595, lng: 77.0266 },
  gurgaon: { lat: 28.4595, lng: 77.0266 },
  noida: { lat: 28.5355, lng: 77.391 },
  indore: { lat: 22.7196, lng: 75.8577 },
  bhopal: { lat: 23.2599, lng: 77.4126 },
  nagpur: { lat: 21.1458, lng: 79.0882 },
  patna: { lat: 25.5941, lng: 85.1376 },
  surat: { lat: 21.1702, lng: 72.8311 },
  coimbatore: { lat: 11.0168, lng: 76.9558 },
  thiruvananthapuram: { lat: 8.5241, lng: 76.9366 },
  visakhapatnam: { lat: 17.6868, lng: 83.2185 },
  bhubaneswar: { lat: 20.2961, lng: 85.8245 },
  guwahati: { lat: 26.1445, lng: 91.7362 },
  mysuru: { lat: 12.2958, lng: 76.6394 },
  vadodara: { lat: 22.3072, lng: 73.1812 },
  dehradun: { lat: 30.3165, lng: 78.0322 },
};

/** The built-in centre of a city by name (any case), or null. */
export function cityCentre(name: string): { lat: number; lng: number } | null {
  return CITY_CENTRES[name.trim().toLowerCase()] ?? null;
}
