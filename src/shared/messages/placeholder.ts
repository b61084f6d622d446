export interface PlaceholderMessages {
  /**
   * A lazy tab's placeholder has shown its title. The worker answers: load the real page now (the
   * tab is the active one), or nothing (it discarded the hidden tab to free its memory).
   */
  'placeholder.loaded': { req: Record<string, never>; res: { action: 'navigate' | 'discarded' | 'stay' } };
}
