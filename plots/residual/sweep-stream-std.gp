# Residual stream's std after the last block at initialization along the sweep's axis, written by compare-inits.
# Re-render with `gnuplot sweep-stream-std.gp` in this folder (reads sweep-stream-std.dat).
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
set output 'sweep-stream-std.png'
set datafile missing '?'
set grid
set format y '%g'
set title 'Depth: which initializations train a deep residual MLP without normalization:'."\n".'Residual stream'."'".'s std after the last block at initialization (mean over 3 seeds, band: 95% interval)'
set xlabel 'residual blocks'
set ylabel 'Residual stream'."'".'s std after the last block at initialization'
set key outside below center horizontal height 1.5
set offsets graph 0.03, graph 0.03, 0, 0
set logscale x
set logscale y
plot 'sweep-stream-std.dat' index 0 using 1:3:4 with filledcurves linecolor 1 fillstyle transparent solid 0.2 notitle, \
     'sweep-stream-std.dat' index 0 using 1:2 with linespoints linetype 1 pointtype 7 title 'He, no normalization', \
     'sweep-stream-std.dat' index 1 using 1:3:4 with filledcurves linecolor 2 fillstyle transparent solid 0.2 notitle, \
     'sweep-stream-std.dat' index 1 using 1:2 with linespoints linetype 2 pointtype 7 title 'He + batch norm', \
     'sweep-stream-std.dat' index 2 using 1:3:4 with filledcurves linecolor 3 fillstyle transparent solid 0.2 notitle, \
     'sweep-stream-std.dat' index 2 using 1:2 with linespoints linetype 3 pointtype 7 title 'Fixup', \
     'sweep-stream-std.dat' index 3 using 1:3:4 with filledcurves linecolor 4 fillstyle transparent solid 0.2 notitle, \
     'sweep-stream-std.dat' index 3 using 1:2 with linespoints linetype 4 pointtype 7 title 'SkipInit', \
     'sweep-stream-std.dat' index 4 using 1:3:4 with filledcurves linecolor 5 fillstyle transparent solid 0.2 notitle, \
     'sweep-stream-std.dat' index 4 using 1:2 with linespoints linetype 5 pointtype 7 title 'ReZero', \
     'sweep-stream-std.dat' index 5 using 1:3:4 with filledcurves linecolor 6 fillstyle transparent solid 0.2 notitle, \
     'sweep-stream-std.dat' index 5 using 1:2 with linespoints linetype 6 pointtype 7 title '1/√L branches'
