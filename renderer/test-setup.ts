/** Adds jest-dom matchers (toBeInTheDocument, …) to vitest's expect for component tests. */
import '@testing-library/jest-dom/vitest';
