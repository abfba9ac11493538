/**
 * What the embedded videos the README gates do (ui/views.ts VIDEO_SERVICES). Only code that lists a
 * video as a service imports them (the configurator), so the visitor's bundles do not carry them.
 */
export const VIDEO_PURPOSES = {
  youtube: {
    fi: 'Näyttää sivulle upotetut YouTube-videot. Google voi seurata videoiden katselua ja käyttää tietoja mainontaan.',
    sv: 'Visar inbäddade YouTube-videor. Google kan följa hur videorna ses och använda uppgifterna för annonsering.',
    en: 'Shows embedded YouTube videos. Google may follow how the videos are watched and use the data for advertising.',
  },
  vimeo: {
    fi: 'Näyttää sivulle upotetut Vimeo-videot. Vimeo saa katsojan IP-osoitteen ja laitteen tiedot.',
    sv: 'Visar inbäddade Vimeo-videor. Vimeo får tittarens IP-adress och uppgifter om enheten.',
    en: 'Shows embedded Vimeo videos. Vimeo receives the viewer’s IP address and device details.',
  },
};
