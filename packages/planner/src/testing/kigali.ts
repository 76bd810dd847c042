/** Kigali terminals (KIGALI.md, from the 2024 feed), for hand-written tests. */
export const PLACES = {
  nyabugogo: { lat: -1.940645, lon: 30.044477, name: 'Nyabugogo' },
  downtown: { lat: -1.943838, lon: 30.056937, name: 'Downtown' },
  kimironko: { lat: -1.949596, lon: 30.12557, name: 'Kimironko' },
  remera: { lat: -1.958409, lon: 30.119131, name: 'Remera' },
  kabuga: { lat: -1.979014, lon: 30.223064, name: 'Kabuga' },
  nyamirambo: { lat: -1.980121, lon: 30.041981, name: 'Nyamirambo' },
};
