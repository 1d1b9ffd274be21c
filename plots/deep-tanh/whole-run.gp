# Training loss of every step, and its moving average over 19 steps, written by compare-inits.
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
set title 'The whole training: loss of every step (faint), its moving average over 19 steps; grey lines: epochs'
set xlabel 'Steps'
set ylabel 'Loss (log scale)'
set grid
set key outside below center horizontal maxcols 2 height 1.5
set datafile missing '?'
set xrange [1:960]
set logscale y
set arrow from 480, graph 0 to 480, graph 1 nohead dashtype 1 linewidth 1 linecolor rgb '#707070' back
set label 'epoch 2' at 480, graph 0.97 left offset 0.5,0 font ',9' textcolor rgb '#505050'
plot 'whole-run.dat' using 1:2 with lines linetype 1 linewidth 1 dashtype 1 linecolor rgb '#C0000000' notitle, \
     '' using 1:3 with lines linetype 1 title 'N(0, 1) (val. acc. 10.21%)', \
     '' using 1:4 with lines linetype 2 linewidth 1 dashtype 1 linecolor rgb '#C0E69F00' notitle, \
     '' using 1:5 with lines linetype 2 title 'N(0, 0.01) (val. acc. 9.82%)', \
     '' using 1:6 with lines linetype 3 linewidth 1 dashtype 1 linecolor rgb '#C056B4E9' notitle, \
     '' using 1:7 with lines linetype 3 title 'Xavier uniform (val. acc. 86.17%)', \
     '' using 1:8 with lines linetype 4 linewidth 1 dashtype 1 linecolor rgb '#C0009E73' notitle, \
     '' using 1:9 with lines linetype 4 title 'Orthogonal (tanh gain) (val. acc. 86.59%)', \
     '' using 1:10 with lines linetype 5 linewidth 1 dashtype 1 linecolor rgb '#C00072B2' notitle, \
     '' using 1:11 with lines linetype 5 title 'LSUV (val. acc. 86.34%)'
