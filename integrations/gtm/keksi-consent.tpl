___TERMS_OF_SERVICE___

By creating or modifying this file you agree to Google Tag Manager's Community
Template Gallery Developer Terms of Service available at
https://developers.google.com/tag-manager/gallery-tos (or such other URL as
Google may provide), as modified from time to time.


___INFO___

{
  "type": "TAG",
  "id": "cvt_temp_public_id",
  "version": 1,
  "securityGroups": [],
  "displayName": "Keksi consent",
  "categories": [
    "TAG_MANAGEMENT"
  ],
  "brand": {
    "id": "keksi",
    "displayName": "Keksi"
  },
  "description": "Google Consent Mode v2 from Keksi's cookie banner: all-denied defaults (or the visitor's stored choice) on Consent Initialization, and an update on Keksi's keksi_consent_update event.",
  "containerContexts": [
    "WEB"
  ]
}


___TEMPLATE_PARAMETERS___

[
  {
    "type": "TEXT",
    "name": "cookieName",
    "displayName": "Keksi's consent cookie (the cookie-name attribute)",
    "simpleValueType": true,
    "defaultValue": "keksi_consent",
    "valueValidators": [
      {
        "type": "REGEX",
        "args": [
          "^[A-Za-z0-9_-]{1,64}$"
        ]
      }
    ]
  },
  {
    "type": "TEXT",
    "name": "waitForUpdate",
    "displayName": "wait_for_update (ms) before a first-time visitor's tags run denied",
    "simpleValueType": true,
    "defaultValue": "500",
    "valueValidators": [
      {
        "type": "NON_NEGATIVE_NUMBER"
      }
    ]
  }
]


___SANDBOXED_JS_FOR_WEB_TEMPLATE___

// Keksi consent: Consent Mode v2 defaults and updates for tags that live in Google Tag Manager.
// Fire it on two triggers: "Consent Initialization - All Pages" (defaults) and a Custom Event trigger
// for `keksi_consent_update` (Keksi pushes it on every change, with `keksi_consent_mode`: the seven
// signals as Keksi's own integration sets them). docs/platforms.md in the Keksi repository has the recipe.
const setDefaultConsentState = require('setDefaultConsentState');
const updateConsentState = require('updateConsentState');
const getCookieValues = require('getCookieValues');
const copyFromDataLayer = require('copyFromDataLayer');
const makeNumber = require('makeNumber');
const getType = require('getType');
const JSON = require('JSON');

// Keksi's categories, the Consent Mode types each grants and Google's own service in it (as Keksi's
// own integration maps them): a category accepted with some of its services grants its types only
// with that service on (marketing with only the Meta pixel denies the ad types).
const TYPES = [
  ['analytics', ['analytics_storage'], 'ga'],
  ['marketing', ['ad_storage', 'ad_user_data', 'ad_personalization'], 'google-ads'],
  ['preferences', ['functionality_storage', 'personalization_storage'], ''],
];
/** A list from the page, or none: anything else is treated as nothing granted. */
const list = (value) => (getType(value) == 'array' ? value : []);

/** Every Consent Mode type: denied unless `on` grants its row; security always granted. */
const signals = (on) => {
  const state = { 'security_storage': 'granted' };
  TYPES.forEach((row) => {
    row[1].forEach((type) => {
      state[type] = on(row) ? 'granted' : 'denied';
    });
  });
  return state;
};

/** The stored choice (no cookie, or one that does not parse: nothing granted, fail closed). */
const stored = () => {
  const values = getCookieValues(data.cookieName || 'keksi_consent') || [];
  const record = values.length ? JSON.parse(values[0]) : undefined;
  const some = record && getType(record.s) == 'object' ? record.s : {};
  return (row) =>
    list(record && record.a).indexOf(row[0]) >= 0 && (!row[2] || getType(some[row[0]]) != 'array' || some[row[0]].indexOf(row[2]) >= 0);
};

if (copyFromDataLayer('event') == 'keksi_consent_update') {
  // Keksi's own signals, read one by one: only the word 'granted' grants.
  const mode = copyFromDataLayer('keksi_consent_mode');
  updateConsentState(signals((row) => getType(mode) == 'object' && mode[row[1][0]] == 'granted'));
} else {
  const defaults = signals(stored());
  defaults.wait_for_update = makeNumber(data.waitForUpdate) || 500;
  setDefaultConsentState(defaults);
}
data.gtmOnSuccess();


___WEB_PERMISSIONS___

[
  {
    "instance": {
      "key": {
        "publicId": "access_consent",
        "versionId": "1"
      },
      "param": [
        {
          "key": "consentTypes",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "ad_storage"
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "ad_user_data"
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "ad_personalization"
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "analytics_storage"
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "functionality_storage"
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "personalization_storage"
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "security_storage"
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              }
            ]
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "get_cookies",
        "versionId": "1"
      },
      "param": [
        {
          "key": "cookieAccess",
          "value": {
            "type": 1,
            "string": "specific"
          }
        },
        {
          "key": "cookieNames",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 1,
                "string": "keksi_consent"
              }
            ]
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "read_data_layer",
        "versionId": "1"
      },
      "param": [
        {
          "key": "allowedKeys",
          "value": {
            "type": 1,
            "string": "specific"
          }
        },
        {
          "key": "keyPatterns",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 1,
                "string": "event"
              },
              {
                "type": 1,
                "string": "keksi_consent_mode"
              }
            ]
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  }
]


___TESTS___

scenarios: []


___NOTES___

Keksi's Consent Mode template; see docs/platforms.md.
