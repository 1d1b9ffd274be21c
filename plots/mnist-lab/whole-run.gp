# Training loss of every step, and its moving average over 144 steps, written by compare-inits.
# Re-render with `gnuplot whole-run.gp` in this folder (reads whole-run.dat).
reset
set terminal pngcairo size 960,640 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'whole-run.png'
set title 'The whole training: loss of every step (faint), its moving average over 144 steps; grey lines: epochs'
set xlabel 'Steps'
set ylabel 'Loss'
set grid
set key outside below center horizontal maxcols 2 height 1.5
set datafile missing '?'
set xrange [1:7200]
set arrow from 480, graph 0 to 480, graph 1 nohead dashtype 1 linewidth 1 linecolor rgb '#707070' back
set arrow from 960, graph 0 to 960, graph 1 nohead dashtype 1 linewidth 1 linecolor rgb '#707070' back
set arrow from 1440, graph 0 to 1440, graph 1 nohead dashtype 1 linewidth 1 linecolor rgb '#707070' back
set arrow from 1920, graph 0 to 1920, graph 1 nohead dashtype 1 linewidth 1 linecolor rgb '#707070' back
set arrow from 2400, graph 0 to 2400, graph 1 nohead dashtype 1 linewidth 1 linecolor rgb '#707070' back
set arrow from 2880, graph 0 to 2880, graph 1 nohead dashtype 1 linewidth 1 linecolor rgb '#707070' back
set arrow from 3360, graph 0 to 3360, graph 1 nohead dashtype 1 linewidth 1 linecolor rgb '#707070' back
set arrow from 3840, graph 0 to 3840, graph 1 nohead dashtype 1 linewidth 1 linecolor rgb '#707070' back
set arrow from 4320, graph 0 to 4320, graph 1 nohead dashtype 1 linewidth 1 linecolor rgb '#707070' back
set arrow from 4800, graph 0 to 4800, graph 1 nohead dashtype 1 linewidth 1 linecolor rgb '#707070' back
set arrow from 5280, graph 0 to 5280, graph 1 nohead dashtype 1 linewidth 1 linecolor rgb '#707070' back
set arrow from 5760, graph 0 to 5760, graph 1 nohead dashtype 1 linewidth 1 linecolor rgb '#707070' back
set arrow from 6240, graph 0 to 6240, graph 1 nohead dashtype 1 linewidth 1 linecolor rgb '#707070' back
set arrow from 6720, graph 0 to 6720, graph 1 nohead dashtype 1 linewidth 1 linecolor rgb '#707070' back
plot 'whole-run.dat' using 1:2 with lines linetype 1 linewidth 1 dashtype 1 linecolor rgb '#C0000000' notitle, \
     '' using 1:3 with lines linetype 1 title '784-256-256-10, Xavier uniform (val. acc. 89.27%)', \
     '' using 1:4 with lines linetype 2 linewidth 1 dashtype 1 linecolor rgb '#C0E69F00' notitle, \
     '' using 1:5 with lines linetype 2 title '784-512x4-10, Xavier uniform (val. acc. 88.23%)'
