/* builtin.h: the built-in demo session scalex opens on. */
#ifndef SX_BUILTIN_H
#define SX_BUILTIN_H

/* A script: demo data generated from the presets, a law fitted to it. */
extern const char builtin_demo_session[];

#endif
