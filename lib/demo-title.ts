/** The title `scenario load` gives the Storm-0558 demo incident (its own file so tests can import it alone). */
export const DEMO_TITLE = "Storm-0558: Exchange Online intrusion (demo)";
