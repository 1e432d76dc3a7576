// The facility the tests register most: the registration form's fields as a browser posts them.
export const keshenaSawmillForm = {
  name: 'Keshena Sawmill',
  address: 'W2908 Tribal Office Loop',
  city: 'Keshena',
  state: 'WI',
  zip: '54135',
  county: 'Menominee',
  latitude: '44.8705',
  longitude: '-88.6251',
  receivingWaters: 'Wolf River',
  dischargesToMs4: 'no',
  inIndianCountry: 'yes',
  sicCodes: '2421',
  naicsCodes: '321113',
};
